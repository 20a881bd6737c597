-- Plan years (计划年度): a project keeps a plan for each year it is on the ledger (its annual planned investment and
-- target), and the district closes a year by rolling it over into the next (年度结转). A closed year keeps its summary
-- and its ledger workbook as they stood when it closed.

CREATE TABLE plan_year (
    year         INTEGER      PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
    status       VARCHAR(8)   NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    opened_at    TIMESTAMPTZ  NOT NULL,
    closed_at    TIMESTAMPTZ,
    closed_by    VARCHAR(100),
    -- the year's ledger summary (JSON) and ledger workbook (.xlsx) as they stood when it closed
    summary      TEXT,
    ledger       BYTEA,
    CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL))
);
-- one year is open at a time: the one the office works in
CREATE UNIQUE INDEX plan_year_one_open ON plan_year (status) WHERE status = 'OPEN';

CREATE TABLE project_year_plan (
    project_id              BIGINT         NOT NULL REFERENCES project (id),
    plan_year               INTEGER        NOT NULL,
    annual_plan_investment  NUMERIC(14, 2) NOT NULL CHECK (annual_plan_investment >= 0),
    annual_target           VARCHAR(500),
    carried_over            BOOLEAN        NOT NULL DEFAULT FALSE,
    PRIMARY KEY (project_id, plan_year)
);
CREATE INDEX project_year_plan_year_idx ON project_year_plan (plan_year);

-- the ledger so far: each project's one plan, and its latest plan year open
INSERT INTO project_year_plan (project_id, plan_year, annual_plan_investment)
SELECT id, plan_year, annual_plan_investment FROM project;
INSERT INTO plan_year (year, status, opened_at)
SELECT max(plan_year), 'OPEN', now() FROM project HAVING count(*) > 0;

-- A project's plan for its plan year is its annual plan: whatever writes the project (a registration, an edit, an
-- import, a rollover) keeps the year's plan with it. The first project opens its plan year when none is open yet.
CREATE FUNCTION keep_year_plan() RETURNS trigger AS $$
BEGIN
    -- a closed year's plans are kept as they closed
    IF EXISTS (SELECT 1 FROM plan_year WHERE year = NEW.plan_year AND status = 'CLOSED')
       AND (TG_OP = 'INSERT' OR OLD.plan_year <> NEW.plan_year
            OR OLD.annual_plan_investment <> NEW.annual_plan_investment) THEN
        RAISE EXCEPTION 'plan year % is closed', NEW.plan_year USING ERRCODE = 'check_violation';
    END IF;
    -- a corrected plan year moves the plan; a year rolled over keeps it
    IF TG_OP = 'UPDATE' AND OLD.plan_year <> NEW.plan_year
       AND NOT EXISTS (SELECT 1 FROM plan_year WHERE year = OLD.plan_year AND status = 'CLOSED') THEN
        DELETE FROM project_year_plan WHERE project_id = OLD.id AND plan_year = OLD.plan_year;
    END IF;
    INSERT INTO project_year_plan (project_id, plan_year, annual_plan_investment)
    VALUES (NEW.id, NEW.plan_year, NEW.annual_plan_investment)
    ON CONFLICT (project_id, plan_year) DO UPDATE SET annual_plan_investment = EXCLUDED.annual_plan_investment;
    INSERT INTO plan_year (year, status, opened_at)
    SELECT NEW.plan_year, 'OPEN', now() WHERE NOT EXISTS (SELECT 1 FROM plan_year);
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER project_keeps_year_plan
    AFTER INSERT OR UPDATE OF plan_year, annual_plan_investment ON project
    FOR EACH ROW EXECUTE FUNCTION keep_year_plan();
