-- Flags take their ids fifty at a time too (a pooled sequence, as timeline entries and flag steps since V13), so that
-- the flags an evaluation raises go to the database in JDBC batches with their steps rather than one round trip each.
-- A flag and its first step are written in the same flush, in whichever order Hibernate groups them: the step's
-- reference to its flag is checked when the transaction commits.
ALTER SEQUENCE flag_id_seq INCREMENT BY 50;
ALTER TABLE flag_history ALTER CONSTRAINT flag_history_flag_id_fkey DEFERRABLE INITIALLY DEFERRED;
