-- EXCLUDE constraints: gist with btree_gist (= and &&), built-in gist on tstzrange and circle (generated name), WHERE predicate added, DEFERRABLE exclusion, btree exclusion, dropped/added/changed.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE reservations (
    id        integer PRIMARY KEY,
    room      integer NOT NULL,
    during    tsrange NOT NULL,
    cancelled boolean NOT NULL DEFAULT false,
    CONSTRAINT reservations_no_overlap EXCLUDE USING gist (room WITH =, during WITH &&) WHERE (NOT cancelled)
);

CREATE TABLE shifts (
    id     integer PRIMARY KEY,
    during tstzrange NOT NULL
);

CREATE TABLE circles (
    c circle,
    EXCLUDE USING gist (c WITH &&)
);

CREATE TABLE bookings (
    id          integer PRIMARY KEY,
    resource_id integer NOT NULL,
    period      daterange NOT NULL,
    CONSTRAINT bookings_no_double EXCLUDE USING gist (resource_id WITH =, period WITH &&) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE codes (
    code text,
    CONSTRAINT codes_code_excl EXCLUDE USING btree (code WITH =)
);
