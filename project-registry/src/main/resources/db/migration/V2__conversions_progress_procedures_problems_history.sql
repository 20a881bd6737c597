-- What task forces report every week, and the history of every change.

ALTER TABLE project ADD COLUMN key_conversion BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE project ADD COLUMN pool_since DATE;
-- Cumulative figures, computed by the registry from the weekly reports, never taken from a client.
ALTER TABLE project ADD COLUMN investment_completed_total NUMERIC(14, 2) NOT NULL DEFAULT 0;
ALTER TABLE project ADD COLUMN investment_completed_plan_year NUMERIC(14, 2) NOT NULL DEFAULT 0;
ALTER TABLE project ADD COLUMN image_progress_percent INTEGER;
ALTER TABLE project ADD COLUMN last_reported_week VARCHAR(8);
UPDATE project SET pool_since = (created_at AT TIME ZONE 'UTC')::date;
ALTER TABLE project ALTER COLUMN pool_since SET NOT NULL;
CREATE INDEX project_town_idx ON project (town);
CREATE INDEX project_industry_chain_idx ON project (industry_chain);

-- 项目转化: every move of a project between pools.
CREATE TABLE conversion (
    id              BIGSERIAL PRIMARY KEY,
    project_id      BIGINT       NOT NULL REFERENCES project (id),
    from_pool       VARCHAR(16)  NOT NULL,
    to_pool         VARCHAR(16)  NOT NULL,
    converted_on    DATE         NOT NULL,
    reason          VARCHAR(500),
    converted_by    VARCHAR(100) NOT NULL,
    recorded_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX conversion_project_idx ON conversion (project_id);

-- One weekly report per project and ISO week; a correction replaces it and keeps the old one as a revision.
CREATE TABLE progress_report (
    id                      BIGSERIAL PRIMARY KEY,
    project_id              BIGINT        NOT NULL REFERENCES project (id),
    iso_week                VARCHAR(8)    NOT NULL,
    week_start              DATE          NOT NULL,
    investment_completed    NUMERIC(14, 2) NOT NULL CHECK (investment_completed >= 0),
    image_progress_percent  INTEGER       NOT NULL CHECK (image_progress_percent BETWEEN 0 AND 100),
    image_progress_note     VARCHAR(500),
    site_status             VARCHAR(16)   NOT NULL,
    problems_raised         VARCHAR(2000),
    revision                INTEGER       NOT NULL,
    reported_by             VARCHAR(100)  NOT NULL,
    reported_at             TIMESTAMPTZ   NOT NULL,
    CONSTRAINT progress_report_one_per_week UNIQUE (project_id, iso_week)
);

CREATE TABLE progress_report_revision (
    id                      BIGSERIAL PRIMARY KEY,
    project_id              BIGINT        NOT NULL REFERENCES project (id),
    iso_week                VARCHAR(8)    NOT NULL,
    revision                INTEGER       NOT NULL,
    investment_completed    NUMERIC(14, 2) NOT NULL,
    image_progress_percent  INTEGER       NOT NULL,
    image_progress_note     VARCHAR(500),
    site_status             VARCHAR(16)   NOT NULL,
    problems_raised         VARCHAR(2000),
    reported_by             VARCHAR(100)  NOT NULL,
    reported_at             TIMESTAMPTZ   NOT NULL,
    replaced_at             TIMESTAMPTZ   NOT NULL
);

-- 手续: the permit checklist of each project.
CREATE TABLE procedure_item (
    id                  BIGSERIAL PRIMARY KEY,
    project_id          BIGINT       NOT NULL REFERENCES project (id),
    type                VARCHAR(40)  NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    target_date         DATE,
    done_date           DATE,
    authority           VARCHAR(100),
    approval_number     VARCHAR(100),
    updated_by          VARCHAR(100) NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,
    CONSTRAINT procedure_item_one_per_type UNIQUE (project_id, type),
    CONSTRAINT procedure_item_done_dated CHECK (status <> 'DONE' OR done_date IS NOT NULL)
);

-- 问题协调: problems a task force raises for another department.
CREATE TABLE problem (
    id                  BIGSERIAL PRIMARY KEY,
    project_id          BIGINT        NOT NULL REFERENCES project (id),
    title               VARCHAR(200)  NOT NULL,
    description         VARCHAR(2000),
    department          VARCHAR(100)  NOT NULL,
    raised_on           DATE          NOT NULL,
    raised_by           VARCHAR(100)  NOT NULL,
    resolved_on         DATE,
    resolution_note     VARCHAR(2000),
    resolved_by         VARCHAR(100),
    created_at          TIMESTAMPTZ   NOT NULL
);
CREATE INDEX problem_project_idx ON problem (project_id);
CREATE INDEX problem_open_idx ON problem (department) WHERE resolved_on IS NULL;

-- Every change of a project: who, when, what, the values before and after.
CREATE TABLE project_history (
    id              BIGSERIAL PRIMARY KEY,
    project_id      BIGINT        NOT NULL REFERENCES project (id),
    sequence        BIGINT        NOT NULL,
    action          VARCHAR(64)   NOT NULL,
    actor           VARCHAR(100)  NOT NULL,
    at              TIMESTAMPTZ   NOT NULL,
    before_values   TEXT,
    after_values    TEXT          NOT NULL
);
CREATE INDEX project_history_project_idx ON project_history (project_id, id);

-- The inbox of inbound messages (the approval bureau's permits), each applied once by its CloudEvents id.
CREATE TABLE processed_message (
    message_id      VARCHAR(200) PRIMARY KEY,
    source          VARCHAR(200) NOT NULL,
    processed_at    TIMESTAMPTZ  NOT NULL
);
