-- Each dead-lettered record an operator took again (re-drive): which one, by whom, when, and what became of it
-- (applied, duplicate, outdated, parked, or dead-lettered again with its reason). Append-only, like the audit trail;
-- a record is re-driven once (a new dead letter of it can be re-driven in its turn).
CREATE TABLE dead_letter_redrive (
    id              BIGSERIAL     PRIMARY KEY,
    dlq_topic       VARCHAR(200)  NOT NULL,
    dlq_partition   INTEGER       NOT NULL,
    dlq_offset      BIGINT        NOT NULL,
    outcome         VARCHAR(20)   NOT NULL,
    reason          VARCHAR(2000),
    redriven_by     VARCHAR(100)  NOT NULL,
    redriven_at     TIMESTAMPTZ   NOT NULL,
    UNIQUE (dlq_topic, dlq_partition, dlq_offset)
);
CALL make_append_only('dead_letter_redrive');
