-- The audit trail of every ledger service is append-only: rows are added in the transaction of each change and are
-- never changed or removed afterwards, whoever asks. A service's migration makes a table so with
--     CALL make_append_only('project_history');
-- which adds triggers that refuse UPDATE, DELETE and TRUNCATE for every role but a superuser, and takes those
-- privileges from PUBLIC and from the role that migrates (and runs) the service, so the database answers
-- "permission denied" before the trigger is reached. Rows are kept for good: 等保 2.0 asks for at least six months.

CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit rows are append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE PROCEDURE make_append_only(audit_table regclass) LANGUAGE plpgsql AS $$
DECLARE
    name text := (SELECT relname FROM pg_class WHERE oid = audit_table);
BEGIN
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %s FOR EACH ROW EXECUTE FUNCTION refuse_audit_change()',
                   name || '_append_only', audit_table);
    EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %s FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change()',
                   name || '_never_truncated', audit_table);
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %s FROM PUBLIC', audit_table);
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %s FROM CURRENT_USER', audit_table);
END
$$;
