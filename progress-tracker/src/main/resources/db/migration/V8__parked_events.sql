-- Never skip, never guess: an event that arrives before an earlier one of its project waits here (the project is
-- "parked"; other projects flow) until the missing event arrives or an operator releases the gap.
CREATE TABLE parked_event (
    event_id            UUID          PRIMARY KEY,
    project_code        VARCHAR(32)   NOT NULL,
    sequence            BIGINT        NOT NULL,
    event_type          VARCHAR(64)   NOT NULL,
    occurred_at         TIMESTAMPTZ   NOT NULL,
    change_json         TEXT          NOT NULL,
    project_json        TEXT          NOT NULL,
    expected_sequence   BIGINT        NOT NULL,
    parked_at           TIMESTAMPTZ   NOT NULL
);
CREATE INDEX parked_event_project_idx ON parked_event (project_code, sequence);

-- Who released a parked project, skipping which events, why (append-only, like the rest of the audit trail).
CREATE TABLE gap_release (
    id              BIGSERIAL     PRIMARY KEY,
    project_code    VARCHAR(32)   NOT NULL,
    missing_from    BIGINT        NOT NULL,
    missing_to      BIGINT        NOT NULL,
    events_applied  INTEGER       NOT NULL,
    reason          VARCHAR(500)  NOT NULL,
    released_by     VARCHAR(100)  NOT NULL,
    released_at     TIMESTAMPTZ   NOT NULL
);
CALL make_append_only('gap_release');
