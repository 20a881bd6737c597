-- Conversion analytics (转化分析) of a past week read each project's pool entry and key conversion target as the
-- tracker knew them then: the day the project entered its pool, and whether it was a key conversion project with
-- which target pool and date, are kept with every version of the project.
ALTER TABLE tracked_project_version
    ADD COLUMN pool_since DATE,
    ADD COLUMN key_conversion BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN conversion_target_pool VARCHAR(16),
    ADD COLUMN conversion_target_date DATE;

-- What a database from before this migration knew: the project's present target, and its present pool entry for the
-- versions since its last move (an earlier version's entry is its last move's date, or unknown before any move).
UPDATE tracked_project_version v
SET key_conversion = p.key_conversion,
    conversion_target_pool = p.conversion_target_pool,
    conversion_target_date = p.conversion_target_date,
    pool_since = CASE
        WHEN NOT EXISTS (SELECT 1 FROM tracked_conversion c
                         WHERE c.project_code = v.project_code AND c.sequence > v.sequence)
            THEN p.pool_since
        ELSE (SELECT max(c.converted_on) FROM tracked_conversion c
              WHERE c.project_code = v.project_code AND c.sequence <= v.sequence)
    END
FROM tracked_project p
WHERE p.code = v.project_code;
