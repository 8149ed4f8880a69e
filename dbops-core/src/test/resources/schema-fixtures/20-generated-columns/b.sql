-- GENERATED ALWAYS AS (...) STORED: expression changed, generation dropped (column kept), generated column dropped, generated column added, plain column turned generated, generated column using an IMMUTABLE user function.
CREATE FUNCTION slugify(t text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT trim(both '-' from regexp_replace(lower(t), '[^a-z0-9]+', '-', 'g')) $$;

CREATE TABLE order_lines (
    id         integer PRIMARY KEY,
    unit_price numeric(10,2) NOT NULL,
    qty        integer NOT NULL,
    discount   numeric(4,3) NOT NULL DEFAULT 0,
    total      numeric GENERATED ALWAYS AS (round(unit_price * qty * (1 - discount), 2)) STORED
);

CREATE TABLE people (
    id        integer PRIMARY KEY,
    first     text,
    last      text,
    full_name text
);

CREATE TABLE boxes (
    id        integer PRIMARY KEY,
    w         integer,
    h         integer,
    label     text,
    perimeter integer GENERATED ALWAYS AS (2 * (w + h)) STORED
);

CREATE TABLE docs (
    id       integer PRIMARY KEY,
    body     text,
    body_len integer GENERATED ALWAYS AS (length(body)) STORED
);

CREATE TABLE articles (
    id    integer PRIMARY KEY,
    title text NOT NULL,
    slug  text GENERATED ALWAYS AS (slugify(title)) STORED
);
