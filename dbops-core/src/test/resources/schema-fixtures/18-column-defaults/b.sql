-- Column defaults: added, changed, dropped; defaults calling now(), CURRENT_DATE arithmetic, gen_random_uuid(), user functions (one function is dropped with its default, one is new and used by a default).
CREATE SCHEMA util;

CREATE FUNCTION util.next_ticket_code() RETURNS text
    LANGUAGE sql VOLATILE
    AS $$ SELECT 'T-' || lpad(floor(random() * 1000000)::int::text, 6, '0') $$;

CREATE TABLE tickets (
    id         integer NOT NULL,
    code       text DEFAULT util.next_ticket_code(),
    created_at timestamptz DEFAULT CURRENT_TIMESTAMP,
    updated_at timestamptz DEFAULT now(),
    status     text,
    priority   integer DEFAULT 5,
    tags       text[] DEFAULT ARRAY[]::text[],
    due        date DEFAULT (CURRENT_DATE + 14),
    ext_ref    uuid DEFAULT gen_random_uuid(),
    old_code   text,
    seen_at    timestamp DEFAULT (now() AT TIME ZONE 'UTC')
);
