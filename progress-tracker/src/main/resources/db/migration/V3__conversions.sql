-- Pool conversions (项目转化) with their dates, so that the weekly view counts each pool as of a past week.

CREATE TABLE tracked_conversion (
    project_code    VARCHAR(32)  NOT NULL,
    sequence        BIGINT       NOT NULL,
    from_pool       VARCHAR(16)  NOT NULL,
    to_pool         VARCHAR(16)  NOT NULL,
    converted_on    DATE         NOT NULL,
    forward_by_one  BOOLEAN      NOT NULL,
    PRIMARY KEY (project_code, sequence)
);
CREATE INDEX tracked_conversion_date_idx ON tracked_conversion (converted_on);
