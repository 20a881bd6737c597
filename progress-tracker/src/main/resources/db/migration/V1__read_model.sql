-- The tracker's read model of the registry's projects, and the inbox that applies each event once.

CREATE TABLE tracked_project (
    code                    VARCHAR(32)  PRIMARY KEY,
    national_code           VARCHAR(24),
    name                    VARCHAR(200) NOT NULL,
    pool                    VARCHAR(16)  NOT NULL,
    city_category           VARCHAR(24),
    industry_chain          VARCHAR(64),
    town                    VARCHAR(64),
    lead_department         VARCHAR(100),
    plan_year               INTEGER      NOT NULL,
    total_investment        NUMERIC(14, 2) NOT NULL,
    annual_plan_investment  NUMERIC(14, 2) NOT NULL,
    planned_start           DATE,
    planned_completion      DATE,
    actual_site_entry       DATE,
    actual_start            DATE,
    actual_completion       DATE,
    actual_production       DATE,
    last_sequence           BIGINT       NOT NULL,
    last_event_type         VARCHAR(64)  NOT NULL,
    last_event_at           TIMESTAMPTZ  NOT NULL,
    sequence_gaps           INTEGER      NOT NULL DEFAULT 0,
    updated_at              TIMESTAMPTZ  NOT NULL
);

CREATE INDEX tracked_project_pool_idx ON tracked_project (pool);

-- Every event applied (or deliberately ignored as old), by its CloudEvents id.
CREATE TABLE processed_event (
    event_id        UUID         PRIMARY KEY,
    project_code    VARCHAR(32)  NOT NULL,
    sequence        BIGINT       NOT NULL,
    event_type      VARCHAR(64)  NOT NULL,
    outcome         VARCHAR(16)  NOT NULL,
    processed_at    TIMESTAMPTZ  NOT NULL,
    CONSTRAINT processed_event_outcome_known CHECK (outcome IN ('APPLIED', 'OUTDATED'))
);
