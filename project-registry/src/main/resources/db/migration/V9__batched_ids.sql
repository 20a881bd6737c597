-- Projects and their history rows take their ids fifty at a time (a pooled sequence), so that an import's new
-- projects and history rows go to the database in JDBC batches (multi-row inserts) rather than a round trip each.
-- A number the sequence hands out is the top of its block of fifty, so ids already used stay below every block.
-- The outbox keeps one number at a time: the relay publishes in the order of its ids.
ALTER SEQUENCE project_id_seq INCREMENT BY 50;
ALTER SEQUENCE project_history_id_seq INCREMENT BY 50;
