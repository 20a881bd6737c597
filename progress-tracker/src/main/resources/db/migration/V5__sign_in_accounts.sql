-- A leader's sign-in name beside his name: the registry lets him resolve the problems of his own projects.
-- (Task-force members carry theirs in the members JSON.)
ALTER TABLE assignment ADD COLUMN leader_account VARCHAR(64);
ALTER TABLE assignment_history ADD COLUMN leader_account VARCHAR(64);
