-- A weekly report's revision is current from the day it was recorded until the earliest day a higher revision of the
-- same report was recorded (superseded_on). The weekly view and the monthly statistics sum the revisions current on
-- their day instead of sorting every revision of the year to find the latest of each report (DISTINCT ON).
ALTER TABLE tracked_progress_revision ADD COLUMN superseded_on DATE;
UPDATE tracked_progress_revision revision
SET superseded_on = later.recorded_on
FROM (
    SELECT earlier.project_code, earlier.iso_week, earlier.revision, min(higher.recorded_on) AS recorded_on
    FROM tracked_progress_revision earlier
    JOIN tracked_progress_revision higher
      ON higher.project_code = earlier.project_code AND higher.iso_week = earlier.iso_week
     AND higher.revision > earlier.revision
    GROUP BY earlier.project_code, earlier.iso_week, earlier.revision
) later
WHERE later.project_code = revision.project_code AND later.iso_week = revision.iso_week
  AND later.revision = revision.revision;
