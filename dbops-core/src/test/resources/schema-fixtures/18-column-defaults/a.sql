-- Column defaults: added, changed, dropped; defaults calling now(), CURRENT_DATE arithmetic, gen_random_uuid(), user functions (one function is dropped with its default, one is new and used by a default).
CREATE SCHEMA util;

CREATE FUNCTION util.legacy_code() RETURNS text
    LANGUAGE sql VOLATILE
    AS $$ SELECT 'L-' || floor(random() * 1000)::int $$;

CREATE TABLE tickets (
    id         integer NOT NULL,
    code       text DEFAULT 'none',
    created_at timestamptz DEFAULT now(),
    updated_at timestamptz,
    status     text DEFAULT 'open',
    priority   integer DEFAULT 3,
    tags       text[] DEFAULT '{}',
    due        date DEFAULT (CURRENT_DATE + 7),
    ext_ref    uuid,
    old_code   text DEFAULT util.legacy_code(),
    seen_at    timestamp DEFAULT (now() AT TIME ZONE 'UTC')
);
