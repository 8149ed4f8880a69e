-- Unsafe on a live table: turning days into bigint rewrites every row of loans under an ACCESS EXCLUSIVE
-- lock, so no loan can be read or written until it is done.
ALTER TABLE loans ALTER COLUMN days TYPE bigint;
