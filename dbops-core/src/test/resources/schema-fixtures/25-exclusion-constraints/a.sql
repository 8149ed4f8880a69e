-- EXCLUDE constraints: gist with btree_gist (= and &&), built-in gist on tstzrange and circle (generated name), WHERE predicate added, DEFERRABLE exclusion, btree exclusion, dropped/added/changed.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE reservations (
    id     integer PRIMARY KEY,
    room   integer NOT NULL,
    during tsrange NOT NULL,
    CONSTRAINT reservations_no_overlap EXCLUDE USING gist (room WITH =, during WITH &&)
);

CREATE TABLE shifts (
    id     integer PRIMARY KEY,
    during tstzrange NOT NULL,
    CONSTRAINT shifts_no_overlap EXCLUDE USING gist (during WITH &&)
);

CREATE TABLE circles (
    c circle,
    EXCLUDE USING gist (c WITH &&)
);
