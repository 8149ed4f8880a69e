DROP INDEX users_email_idx;
ALTER TABLE users DROP COLUMN email;
