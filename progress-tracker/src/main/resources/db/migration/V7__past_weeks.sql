-- Every past week exactly as it was: what the tracker knew of each project, its assignment, its weekly reports and
-- its flags on each business date (the clock's date when a change was recorded), so that a week's view shows that
-- week as it was shown then, whatever was learnt or corrected since.

-- Each applied event's state of the project, from the business date it was recorded on.
CREATE TABLE tracked_project_version (
    project_code            VARCHAR(32)    NOT NULL,
    sequence                BIGINT         NOT NULL,
    recorded_on             DATE           NOT NULL,
    name                    VARCHAR(200)   NOT NULL,
    pool                    VARCHAR(16)    NOT NULL,
    city_category           VARCHAR(24),
    industry_chain          VARCHAR(64),
    town                    VARCHAR(64),
    plan_year               INTEGER        NOT NULL,
    annual_plan_investment  NUMERIC(14, 2) NOT NULL,
    planned_start           DATE,
    actual_start            DATE,
    actual_completion       DATE,
    PRIMARY KEY (project_code, sequence)
);
CREATE INDEX tracked_project_version_recorded_idx ON tracked_project_version (recorded_on, project_code);
-- what a database from before this migration knew, from when it says it knew it
INSERT INTO tracked_project_version
SELECT code, last_sequence, COALESCE(LEAST(pool_since, registered_on), registered_on, pool_since, DATE '2000-01-01'),
       name, pool, city_category, industry_chain, town, plan_year, annual_plan_investment, planned_start,
       actual_start, actual_completion
FROM tracked_project;

-- Each revision of a weekly report, from the business date it was recorded on.
CREATE TABLE tracked_progress_revision (
    project_code            VARCHAR(32)    NOT NULL,
    iso_week                VARCHAR(8)     NOT NULL,
    revision                INTEGER        NOT NULL,
    recorded_on             DATE           NOT NULL,
    investment_completed    NUMERIC(14, 2) NOT NULL,
    PRIMARY KEY (project_code, iso_week, revision)
);
CREATE INDEX tracked_progress_revision_recorded_idx ON tracked_progress_revision (recorded_on);
INSERT INTO tracked_progress_revision
SELECT project_code, iso_week, revision, week_start + 6, investment_completed FROM tracked_progress;

-- The business date an assignment took effect (rows from before this migration: the day it was changed).
ALTER TABLE assignment_history ADD COLUMN recorded_on DATE;

-- Each open flag as the rules last found it in each ISO week: colour, reason, figures and rule version.
CREATE TABLE flag_week (
    flag_id         BIGINT        NOT NULL REFERENCES flag (id),
    iso_week        VARCHAR(8)    NOT NULL,
    as_of           DATE          NOT NULL,
    colour          VARCHAR(8)    NOT NULL,
    reason          VARCHAR(500)  NOT NULL,
    inputs          JSON          NOT NULL DEFAULT '{}',
    rule_version    INTEGER       NOT NULL,
    PRIMARY KEY (flag_id, iso_week),
    CONSTRAINT flag_week_colour_known CHECK (colour IN ('YELLOW', 'RED'))
);
CREATE INDEX flag_week_week_idx ON flag_week (iso_week);

-- Who moved the business clock, to which date, when (append-only, like the rest of the audit trail).
CREATE TABLE clock_change (
    id          BIGSERIAL    PRIMARY KEY,
    as_of       DATE,
    changed_by  VARCHAR(100) NOT NULL,
    changed_at  TIMESTAMPTZ  NOT NULL
);
CALL make_append_only('clock_change');
