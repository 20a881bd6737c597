-- A key conversion project's target (转化目标), from the registry's events.
ALTER TABLE tracked_project ADD COLUMN conversion_target_pool VARCHAR(16);
ALTER TABLE tracked_project ADD COLUMN conversion_target_date DATE;

-- Each rule's definitions as they were used: a new version whenever the rule's logic or a threshold changes.
CREATE TABLE rule_version (
    rule            VARCHAR(32)   NOT NULL,
    version         INTEGER       NOT NULL,
    definition      VARCHAR(1000) NOT NULL,
    first_used      TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (rule, version),
    CONSTRAINT rule_version_definition_unique UNIQUE (rule, definition)
);
CALL make_append_only('rule_version');

-- The figures a flag's reason was computed from, and the thresholds they were held against (json, not jsonb: in
-- the order the reason gives them).
ALTER TABLE flag ADD COLUMN inputs JSON NOT NULL DEFAULT '{}';
ALTER TABLE flag_history ADD COLUMN inputs JSON NOT NULL DEFAULT '{}';

-- A red flag back to yellow stays the same flag (its "since" is kept): a step of its own.
ALTER TABLE flag_history DROP CONSTRAINT flag_history_change_known;
ALTER TABLE flag_history ADD CONSTRAINT flag_history_change_known
    CHECK (change IN ('RAISED', 'ESCALATED', 'DEESCALATED', 'CLEARED'));
