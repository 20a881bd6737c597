-- The transactional outbox of every ledger service (service-runtime's Outbox and OutboxRelay): each event is written
-- here in the transaction of its change, and the relay publishes it afterwards, in order, once.
CREATE TABLE outbox_event (
    id              BIGSERIAL PRIMARY KEY,
    event_id        UUID         NOT NULL UNIQUE,
    event_type      VARCHAR(64)  NOT NULL,
    aggregate_code  VARCHAR(32)  NOT NULL,
    sequence        BIGINT       NOT NULL,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    payload         TEXT         NOT NULL,
    published_at    TIMESTAMPTZ,
    CONSTRAINT outbox_event_sequence_unique UNIQUE (aggregate_code, sequence)
);

CREATE INDEX outbox_event_pending_idx ON outbox_event (id) WHERE published_at IS NULL;
