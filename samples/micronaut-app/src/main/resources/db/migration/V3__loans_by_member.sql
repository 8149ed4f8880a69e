-- Safe on a busy table only in its online form: a plain CREATE INDEX holds a SHARE lock on loans until the
-- index is built, and every new loan waits. CONCURRENTLY builds it while loans are recorded. It cannot run
-- inside a transaction, so it is alone in its script, which Flyway then runs without one; Flyway's
-- transactional advisory lock would make it wait on Flyway itself, hence SessionLevelFlywayLock.
CREATE INDEX CONCURRENTLY loans_member_id_idx ON loans (member_id);
