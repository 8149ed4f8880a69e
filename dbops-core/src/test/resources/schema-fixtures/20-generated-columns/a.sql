-- GENERATED ALWAYS AS (...) STORED: expression changed, generation dropped (column kept), generated column dropped, generated column added, plain column turned generated, generated column using an IMMUTABLE user function.
CREATE TABLE order_lines (
    id         integer PRIMARY KEY,
    unit_price numeric(10,2) NOT NULL,
    qty        integer NOT NULL,
    discount   numeric(4,3) NOT NULL DEFAULT 0,
    total      numeric GENERATED ALWAYS AS (unit_price * qty) STORED
);

CREATE TABLE people (
    id        integer PRIMARY KEY,
    first     text,
    last      text,
    full_name text GENERATED ALWAYS AS (first || ' ' || last) STORED
);

CREATE TABLE boxes (
    id    integer PRIMARY KEY,
    w     integer,
    h     integer,
    area  integer GENERATED ALWAYS AS (w * h) STORED,
    label text
);

CREATE TABLE docs (
    id       integer PRIMARY KEY,
    body     text,
    body_len integer
);
