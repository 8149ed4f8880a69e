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
CREATE UNIQUE INDEX users_email_uq ON users (lower(email));
CREATE INDEX users_name_idx ON users (name);
CREATE INDEX users_created_idx ON users (created_at DESC NULLS LAST);
CREATE INDEX users_status_partial_idx ON users (status) WHERE deleted_at IS NULL AND status <> 'banned';
CREATE INDEX users_multi_idx ON users (score, status);
CREATE INDEX users_score_idx ON users (score DESC NULLS FIRST, id) INCLUDE (name);
CREATE UNIQUE INDEX users_name_nnd_uq ON users (name) NULLS NOT DISTINCT;
CREATE INDEX users_day_idx ON users (date_trunc('day', created_at AT TIME ZONE 'UTC'));
CREATE INDEX users_status_ff_idx ON users (status) WITH (fillfactor = 70);
CREATE INDEX users_name_c_idx ON users (name COLLATE "C" text_pattern_ops);
