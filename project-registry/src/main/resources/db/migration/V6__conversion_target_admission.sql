-- 重点转化项目: the pool a key conversion project is to reach, and by when (the tracker flags a target missed).
ALTER TABLE project ADD COLUMN conversion_target_pool VARCHAR(16);
ALTER TABLE project ADD COLUMN conversion_target_date DATE;
ALTER TABLE project ADD CONSTRAINT project_conversion_target_whole
    CHECK ((conversion_target_pool IS NULL) = (conversion_target_date IS NULL));

-- The day a project came onto the ledger (the day it entered its first pool): the ledger "as it stood" on a day
-- leaves out the projects admitted after it.
ALTER TABLE project ADD COLUMN admitted_on DATE;
UPDATE project SET admitted_on = pool_since;
ALTER TABLE project ALTER COLUMN admitted_on SET NOT NULL;
