ALTER TABLE orders ALTER COLUMN id TYPE bigint;
-- stands for a long data fix in the same transaction: the lock stays held meanwhile
SELECT pg_sleep(1);
