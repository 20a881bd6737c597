-- A project version is what the tracker knew of the project from the day it was recorded until the earliest day a
-- later version of it was recorded (superseded_on). The weekly view and the monthly statistics take the versions
-- current on their day instead of sorting every version of every project to find the latest of each (DISTINCT ON):
-- a project has a version per event, fifty-odd a year with its weekly reports.
ALTER TABLE tracked_project_version ADD COLUMN superseded_on DATE;
UPDATE tracked_project_version version
SET superseded_on = later.superseded_on
FROM (
    SELECT project_code, sequence, min(recorded_on) OVER (PARTITION BY project_code ORDER BY sequence DESC
                                                          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS superseded_on
    FROM tracked_project_version
) later
WHERE later.project_code = version.project_code AND later.sequence = version.sequence
  AND later.superseded_on IS NOT NULL;
