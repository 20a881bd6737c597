-- The tracker's audit trail is append-only (see service-runtime's db/runtime/V0_2__append_only_audit.sql): who changed
-- an assignment (assignment_history), each step of a flag (flag_history) and each project's story (timeline_entry).
CALL make_append_only('assignment_history');
CALL make_append_only('flag_history');
CALL make_append_only('timeline_entry');
