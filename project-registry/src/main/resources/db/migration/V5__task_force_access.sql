-- Who may report on a project: the members of its task force and its leader, as the tracker's
-- ledger.assignment.changed.v1 events announce them. The registry never calls the tracker.
CREATE TABLE project_access (
    project_code        VARCHAR(32)   PRIMARY KEY,
    assignment_version  BIGINT        NOT NULL,
    task_force          VARCHAR(100)  NOT NULL,
    leader_account      VARCHAR(64),
    member_accounts     TEXT          NOT NULL,
    event_id            VARCHAR(200)  NOT NULL,
    applied_at          TIMESTAMPTZ   NOT NULL
);
