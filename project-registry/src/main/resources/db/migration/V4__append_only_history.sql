-- The audit trail (project_history) is append-only: rows are added in the transaction of each change and are
-- never changed or removed afterwards, whoever asks. The trigger refuses UPDATE, DELETE and TRUNCATE for every
-- role but a superuser; the privileges are taken from the role that migrates (and runs) the service as well, so
-- the database answers "permission denied" before the trigger is reached. Rows are kept for good: 等保 2.0 asks
-- for at least six months.

CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit rows are append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER project_history_append_only BEFORE UPDATE OR DELETE ON project_history
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER project_history_never_truncated BEFORE TRUNCATE ON project_history
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();

REVOKE UPDATE, DELETE, TRUNCATE ON project_history FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE ON project_history FROM CURRENT_USER;
