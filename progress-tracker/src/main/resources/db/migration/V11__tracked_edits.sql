-- Fields of a project the office edited (ledger.project.updated.v2), each with its old and new value as the event
-- gave them (JSON), on the business date the edit was recorded: the weekly page's 本周变化 shows them in Chinese.
CREATE TABLE tracked_edit (
    id            BIGSERIAL     PRIMARY KEY,
    project_code  VARCHAR(32)   NOT NULL,
    sequence      BIGINT        NOT NULL,
    field         VARCHAR(64)   NOT NULL,
    old_value     TEXT,
    new_value     TEXT,
    recorded_on   DATE          NOT NULL,
    UNIQUE (project_code, sequence, field)
);
CREATE INDEX tracked_edit_date_idx ON tracked_edit (recorded_on);
