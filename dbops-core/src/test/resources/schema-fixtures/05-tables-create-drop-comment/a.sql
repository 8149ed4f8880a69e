-- Tables: created (incl. one with zero columns and one referencing an existing table), dropped (incl. a referenced one), table comments added/changed/removed.
CREATE TABLE customers (
    id   integer PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE notes (
    id   integer PRIMARY KEY,
    body text
);
COMMENT ON TABLE notes IS 'Free-form notes';

CREATE TABLE obsolete_log (
    id      bigint PRIMARY KEY,
    message text
);
COMMENT ON TABLE obsolete_log IS 'Will be dropped';

CREATE TABLE regions (
    code text PRIMARY KEY
);
CREATE TABLE offices (
    id          integer PRIMARY KEY,
    region_code text REFERENCES regions (code)
);

CREATE TABLE stays (
    id integer PRIMARY KEY
);
COMMENT ON TABLE stays IS 'Comment to be removed';
