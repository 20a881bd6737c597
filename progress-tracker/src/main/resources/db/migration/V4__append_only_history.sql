-- The tracker's audit trail is append-only: who changed an assignment (assignment_history), each step of a
-- flag (flag_history) and each project's story (timeline_entry) are added, never changed or removed, whoever
-- asks. The trigger refuses UPDATE, DELETE and TRUNCATE for every role but a superuser; the privileges are taken
-- from the role that migrates (and runs) the service as well, so the database answers "permission denied" first.

CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit rows are append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER assignment_history_append_only BEFORE UPDATE OR DELETE ON assignment_history
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER assignment_history_never_truncated BEFORE TRUNCATE ON assignment_history
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER flag_history_append_only BEFORE UPDATE OR DELETE ON flag_history
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER flag_history_never_truncated BEFORE TRUNCATE ON flag_history
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER timeline_entry_append_only BEFORE UPDATE OR DELETE ON timeline_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER timeline_entry_never_truncated BEFORE TRUNCATE ON timeline_entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();

REVOKE UPDATE, DELETE, TRUNCATE ON assignment_history, flag_history, timeline_entry FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE ON assignment_history, flag_history, timeline_entry FROM CURRENT_USER;
