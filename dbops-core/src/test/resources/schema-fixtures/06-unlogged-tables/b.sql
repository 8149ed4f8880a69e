-- UNLOGGED vs logged: logged->unlogged, unlogged->logged (with identity sequence and index), unchanged unlogged, new unlogged table, dropped unlogged table.
CREATE TABLE cache_entries (
    id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    cache_key  text NOT NULL,
    payload    bytea,
    expires_at timestamptz
);
CREATE INDEX cache_entries_key_idx ON cache_entries (cache_key);

CREATE UNLOGGED TABLE sessions (
    token      text PRIMARY KEY,
    user_id    integer NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE UNLOGGED TABLE scratch (
    id  integer,
    val text
);

CREATE UNLOGGED TABLE rate_limits (
    bucket    text PRIMARY KEY,
    hits      integer NOT NULL DEFAULT 0,
    window_id bigserial
);
