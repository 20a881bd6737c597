-- The task-force officer's workspace (项目工作台): a due date and comments on problems, site photos, and the
-- Monday reminders with the group robots they are sent to.

ALTER TABLE problem ADD COLUMN due_date DATE;

-- What the task force, the department and the office wrote on a problem while it waited; kept for good.
CREATE TABLE problem_comment (
    id          BIGSERIAL PRIMARY KEY,
    problem_id  BIGINT        NOT NULL REFERENCES problem (id),
    body        VARCHAR(1000) NOT NULL,
    author      VARCHAR(100)  NOT NULL,
    written_at  TIMESTAMPTZ   NOT NULL
);
CREATE INDEX problem_comment_problem_idx ON problem_comment (problem_id);
CALL make_append_only('problem_comment');

-- Site photos (形象进度照片), stored with the project; events carry the id, never the bytes.
CREATE TABLE project_photo (
    id            BIGSERIAL PRIMARY KEY,
    project_id    BIGINT        NOT NULL REFERENCES project (id),
    iso_week      VARCHAR(8)    NOT NULL,
    caption       VARCHAR(200),
    media_type    VARCHAR(20)   NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png')),
    width         INTEGER       NOT NULL,
    height        INTEGER       NOT NULL,
    size_bytes    INTEGER       NOT NULL,
    sha256        VARCHAR(64)   NOT NULL,
    content       BYTEA         NOT NULL,
    thumbnail     BYTEA         NOT NULL,
    uploaded_by   VARCHAR(100)  NOT NULL,
    uploaded_at   TIMESTAMPTZ   NOT NULL,
    CONSTRAINT project_photo_once UNIQUE (project_id, sha256)
);
CREATE INDEX project_photo_project_idx ON project_photo (project_id, id);

-- A task force's group robot (WeCom or DingTalk): its webhook address holds the robot's key, and a DingTalk robot
-- may sign with a secret, so both are set by the office through the API and never kept in the repository.
CREATE TABLE task_force_robot (
    task_force   VARCHAR(100)  PRIMARY KEY,
    kind         VARCHAR(10)   NOT NULL CHECK (kind IN ('WECOM', 'DINGTALK')),
    webhook_url  VARCHAR(500)  NOT NULL,
    secret       VARCHAR(200),
    updated_by   VARCHAR(100)  NOT NULL,
    updated_at   TIMESTAMPTZ   NOT NULL
);

-- A reminder of what a task force has due in a week: one per task force and week (a second run of the same week
-- finds it and sends nothing twice), shown in the workspace's inbox and sent to the task force's robot.
CREATE TABLE reminder (
    id             BIGSERIAL PRIMARY KEY,
    code           VARCHAR(32)   NOT NULL UNIQUE,
    task_force     VARCHAR(100)  NOT NULL,
    iso_week       VARCHAR(8)    NOT NULL,
    items          TEXT          NOT NULL,
    item_count     INTEGER       NOT NULL,
    created_at     TIMESTAMPTZ   NOT NULL,
    robot_status   VARCHAR(12)   NOT NULL CHECK (robot_status IN ('NONE', 'PENDING', 'SENT', 'FAILED')),
    robot_attempts INTEGER       NOT NULL DEFAULT 0,
    robot_error    VARCHAR(500),
    sent_at        TIMESTAMPTZ,
    CONSTRAINT reminder_once UNIQUE (task_force, iso_week)
);
CREATE INDEX reminder_robot_pending_idx ON reminder (id) WHERE robot_status = 'PENDING';
