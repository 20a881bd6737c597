-- Ledger imports: each a job whose progress can be followed.
CREATE TABLE import_job (
    id              UUID          PRIMARY KEY,
    status          VARCHAR(16)   NOT NULL,
    rows_total      INTEGER       NOT NULL,
    rows_done       INTEGER       NOT NULL DEFAULT 0,
    created         INTEGER       NOT NULL DEFAULT 0,
    updated         INTEGER       NOT NULL DEFAULT 0,
    unchanged       INTEGER       NOT NULL DEFAULT 0,
    failure         VARCHAR(2000),
    created_by      VARCHAR(100)  NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL,
    finished_at     TIMESTAMPTZ,
    CONSTRAINT import_job_status_known CHECK (status IN ('RUNNING', 'DONE', 'FAILED'))
);
