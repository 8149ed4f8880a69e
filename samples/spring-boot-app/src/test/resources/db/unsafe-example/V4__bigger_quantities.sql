-- Unsafe on a live table: integer to bigint rewrites orders and its indexes under an ACCESS EXCLUSIVE lock.
alter table orders alter column quantity type bigint;
