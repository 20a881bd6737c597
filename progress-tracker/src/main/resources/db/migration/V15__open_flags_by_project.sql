-- The open flags of a batch's projects (project_code IN (...) AND state = $n) are read on every evaluation. The
-- partial unique index (WHERE state = 'OPEN') cannot serve that statement once the driver prepares it and
-- PostgreSQL plans it for any state (a generic plan): it scanned every open flag of the district each batch.
CREATE INDEX flag_project_state_idx ON flag (project_code, state);
