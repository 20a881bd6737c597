-- Monthly statistics (月度统计): each month's figures as published at its end, once, with the event that carried them.
CREATE TABLE monthly_statistics (
    month           VARCHAR(7)   PRIMARY KEY,
    as_of           DATE         NOT NULL,
    published_at    TIMESTAMPTZ  NOT NULL,
    body            TEXT         NOT NULL
);
