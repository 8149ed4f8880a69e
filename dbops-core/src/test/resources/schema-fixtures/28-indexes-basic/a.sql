-- Btree indexes: unique, partial WHERE, expression (lower(email)), INCLUDE, DESC NULLS FIRST/LAST, COLLATE, NULLS NOT DISTINCT, fillfactor; added, dropped, and definition changed under the same name.
CREATE TABLE users (
    id         integer PRIMARY KEY,
    email      text NOT NULL,
    name       text,
    status     text,
    created_at timestamptz,
    score      integer,
    deleted_at timestamptz
);
CREATE UNIQUE INDEX users_email_uq ON users (email);
CREATE INDEX users_name_idx ON users (name);
CREATE INDEX users_created_idx ON users (created_at DESC);
CREATE INDEX users_status_partial_idx ON users (status) WHERE deleted_at IS NULL;
CREATE INDEX users_old_idx ON users (score);
CREATE INDEX users_multi_idx ON users (status, score);
