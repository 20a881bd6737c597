-- The registry's audit trail, every change of a project (project_history), is append-only (see service-runtime's
-- db/runtime/V0_2__append_only_audit.sql).
CALL make_append_only('project_history');
