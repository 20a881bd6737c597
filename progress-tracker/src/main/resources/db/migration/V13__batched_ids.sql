-- Timeline entries and flag steps take their ids fifty at a time (a pooled sequence), so that those of a batch of
-- events go to the database in JDBC batches rather than one round trip each. A number the sequence hands out is
-- the top of its block of fifty, so ids already used stay below every block.
ALTER SEQUENCE timeline_entry_id_seq INCREMENT BY 50;
ALTER SEQUENCE flag_history_id_seq INCREMENT BY 50;
