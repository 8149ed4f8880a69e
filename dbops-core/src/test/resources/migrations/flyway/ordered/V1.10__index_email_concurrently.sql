-- CONCURRENTLY cannot run inside a transaction block: see the .conf next to this file.
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
