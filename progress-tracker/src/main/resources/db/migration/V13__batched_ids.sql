-- Timeline entries take their ids fifty at a time (TimelineEntry: a pooled sequence), so that the entries of a batch
-- of events go to the database in JDBC batches rather than one round trip each. A number the sequence hands out is
-- the top of its block of fifty, so ids already used stay below every block.
ALTER SEQUENCE timeline_entry_id_seq INCREMENT BY 50;
