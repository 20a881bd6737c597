-- What the flags need from the registry's events, the accountability assignments (包联), the flags with
-- their history and the business clock. (The alerts leave through the outbox of service-runtime's db/runtime.)

ALTER TABLE tracked_project ADD COLUMN owner_unit VARCHAR(200);
ALTER TABLE tracked_project ADD COLUMN key_conversion BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE tracked_project ADD COLUMN pool_since DATE;
ALTER TABLE tracked_project ADD COLUMN investment_completed_total NUMERIC(14, 2) NOT NULL DEFAULT 0;
ALTER TABLE tracked_project ADD COLUMN investment_completed_plan_year NUMERIC(14, 2) NOT NULL DEFAULT 0;
ALTER TABLE tracked_project ADD COLUMN image_progress_percent INTEGER;
ALTER TABLE tracked_project ADD COLUMN last_reported_week VARCHAR(8);
ALTER TABLE tracked_project ADD COLUMN registered_on DATE;
-- The sequence number of the project's latest alert on ledger.tracker-alerts.
ALTER TABLE tracked_project ADD COLUMN alert_sequence BIGINT NOT NULL DEFAULT 0;
CREATE INDEX tracked_project_town_idx ON tracked_project (town);
CREATE INDEX tracked_project_chain_idx ON tracked_project (industry_chain);

CREATE TABLE tracked_procedure (
    project_code    VARCHAR(32) NOT NULL,
    type            VARCHAR(40) NOT NULL,
    label           VARCHAR(50) NOT NULL,
    status          VARCHAR(16) NOT NULL,
    target_date     DATE,
    done_date       DATE,
    PRIMARY KEY (project_code, type)
);

CREATE TABLE tracked_problem (
    problem_id      BIGINT       PRIMARY KEY,
    project_code    VARCHAR(32)  NOT NULL,
    title           VARCHAR(200) NOT NULL,
    department      VARCHAR(100) NOT NULL,
    raised_on       DATE         NOT NULL,
    resolved_on     DATE,
    resolution_note VARCHAR(2000)
);
CREATE INDEX tracked_problem_project_idx ON tracked_problem (project_code);

CREATE TABLE tracked_progress (
    project_code            VARCHAR(32)    NOT NULL,
    iso_week                VARCHAR(8)     NOT NULL,
    week_start              DATE           NOT NULL,
    investment_completed    NUMERIC(14, 2) NOT NULL,
    image_progress_percent  INTEGER        NOT NULL,
    site_status             VARCHAR(16)    NOT NULL,
    revision                INTEGER        NOT NULL,
    PRIMARY KEY (project_code, iso_week)
);
CREATE INDEX tracked_progress_week_idx ON tracked_progress (week_start);

-- The tracker's story of a project: the registry's events, flags and assignments, in Chinese.
CREATE TABLE timeline_entry (
    id              BIGSERIAL    PRIMARY KEY,
    project_code    VARCHAR(32)  NOT NULL,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    kind            VARCHAR(16)  NOT NULL,
    type            VARCHAR(64)  NOT NULL,
    summary         VARCHAR(1000) NOT NULL,
    CONSTRAINT timeline_entry_kind_known CHECK (kind IN ('EVENT', 'FLAG', 'ASSIGNMENT'))
);
CREATE INDEX timeline_entry_project_idx ON timeline_entry (project_code, id);

-- 包联: one leader and one task force per project.
CREATE TABLE assignment (
    project_code        VARCHAR(32)   PRIMARY KEY,
    leader_name         VARCHAR(50)   NOT NULL,
    leader_title        VARCHAR(100),
    task_force_name     VARCHAR(100)  NOT NULL,
    lead_department     VARCHAR(100)  NOT NULL,
    members             TEXT          NOT NULL,
    version             BIGINT        NOT NULL,
    changed_by          VARCHAR(100)  NOT NULL,
    changed_at          TIMESTAMPTZ   NOT NULL
);
CREATE INDEX assignment_leader_idx ON assignment (leader_name);
CREATE INDEX assignment_task_force_idx ON assignment (task_force_name);
CREATE INDEX assignment_department_idx ON assignment (lead_department);

CREATE TABLE assignment_history (
    id                  BIGSERIAL     PRIMARY KEY,
    project_code        VARCHAR(32)   NOT NULL,
    version             BIGINT        NOT NULL,
    leader_name         VARCHAR(50)   NOT NULL,
    leader_title        VARCHAR(100),
    task_force_name     VARCHAR(100)  NOT NULL,
    lead_department     VARCHAR(100)  NOT NULL,
    members             TEXT          NOT NULL,
    changed_by          VARCHAR(100)  NOT NULL,
    changed_at          TIMESTAMPTZ   NOT NULL,
    CONSTRAINT assignment_history_version_unique UNIQUE (project_code, version)
);

-- A flag: one rule's finding on one project (and subject, e.g. a permit), from raising to clearing.
CREATE TABLE flag (
    id              BIGSERIAL     PRIMARY KEY,
    project_code    VARCHAR(32)   NOT NULL,
    rule            VARCHAR(32)   NOT NULL,
    subject         VARCHAR(64)   NOT NULL DEFAULT '',
    rule_version    INTEGER       NOT NULL,
    colour          VARCHAR(8)    NOT NULL,
    reason          VARCHAR(500)  NOT NULL,
    state           VARCHAR(8)    NOT NULL,
    raised_on       DATE          NOT NULL,
    escalated_on    DATE,
    cleared_on      DATE,
    CONSTRAINT flag_colour_known CHECK (colour IN ('YELLOW', 'RED')),
    CONSTRAINT flag_state_known CHECK (state IN ('OPEN', 'CLEARED'))
);
CREATE UNIQUE INDEX flag_one_open_idx ON flag (project_code, rule, subject) WHERE state = 'OPEN';
CREATE INDEX flag_state_idx ON flag (state, colour);

CREATE TABLE flag_history (
    id              BIGSERIAL     PRIMARY KEY,
    flag_id         BIGINT        NOT NULL REFERENCES flag (id),
    project_code    VARCHAR(32)   NOT NULL,
    rule            VARCHAR(32)   NOT NULL,
    subject         VARCHAR(64)   NOT NULL,
    change          VARCHAR(12)   NOT NULL,
    colour          VARCHAR(8)    NOT NULL,
    reason          VARCHAR(500)  NOT NULL,
    rule_version    INTEGER       NOT NULL,
    as_of           DATE          NOT NULL,
    recorded_at     TIMESTAMPTZ   NOT NULL,
    CONSTRAINT flag_history_change_known CHECK (change IN ('RAISED', 'ESCALATED', 'CLEARED'))
);
CREATE INDEX flag_history_as_of_idx ON flag_history (as_of);

-- The business clock: the date the rules and the weekly view work as of (null: today).
CREATE TABLE business_clock (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    as_of   DATE
);
INSERT INTO business_clock (id, as_of) VALUES (1, NULL);

-- Assignment events the tracker has applied from ledger.tracker-alerts (a replay restores assignments from them).
CREATE TABLE processed_alert (
    event_id        UUID         PRIMARY KEY,
    processed_at    TIMESTAMPTZ  NOT NULL
);
