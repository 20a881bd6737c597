-- The registry's ledger: projects in their pools. (Their events leave through the outbox of service-runtime's db/runtime.)

CREATE SEQUENCE project_code_seq;

CREATE TABLE project (
    id                      BIGSERIAL PRIMARY KEY,
    code                    VARCHAR(32)  NOT NULL UNIQUE,
    national_code           VARCHAR(24)  UNIQUE,
    name                    VARCHAR(200) NOT NULL,
    pool                    VARCHAR(16)  NOT NULL,
    pool_reason             VARCHAR(500),
    city_category           VARCHAR(24),
    industry_chain          VARCHAR(64),
    town                    VARCHAR(64),
    owner_unit              VARCHAR(200),
    lead_department         VARCHAR(100),
    plan_year               INTEGER      NOT NULL,
    total_investment        NUMERIC(14, 2) NOT NULL CHECK (total_investment >= 0),
    annual_plan_investment  NUMERIC(14, 2) NOT NULL CHECK (annual_plan_investment >= 0),
    planned_start           DATE,
    planned_completion      DATE,
    actual_site_entry       DATE,
    actual_start            DATE,
    actual_completion       DATE,
    actual_production       DATE,
    funding_sources         VARCHAR(200) NOT NULL DEFAULT '',
    from_beijing            BOOLEAN      NOT NULL DEFAULT FALSE,
    event_sequence          BIGINT       NOT NULL DEFAULT 0,
    version                 BIGINT       NOT NULL DEFAULT 0,
    created_at              TIMESTAMPTZ  NOT NULL,
    created_by              VARCHAR(100) NOT NULL,
    updated_at              TIMESTAMPTZ  NOT NULL,
    updated_by              VARCHAR(100) NOT NULL,
    CONSTRAINT project_pool_known CHECK (pool IN ('PLANNING', 'RESERVE', 'PREPARING', 'BUILDING',
                                                  'COMPLETED', 'IN_PRODUCTION', 'SUSPENDED', 'CANCELLED')),
    CONSTRAINT project_planned_dates_ordered CHECK (planned_completion IS NULL OR planned_start IS NULL
                                                    OR planned_completion >= planned_start)
);

CREATE INDEX project_pool_idx ON project (pool);
CREATE INDEX project_city_category_idx ON project (city_category);
