-- Table inheritance (INHERITS): child keeps inheriting, child stops inheriting (NO INHERIT), standalone table starts inheriting (INHERIT), new child, new multi-parent child, column added to the parent, inherited CHECK.
CREATE TABLE vehicles (
    id   integer NOT NULL,
    name text,
    CONSTRAINT vehicles_name_chk CHECK (name <> '')
);

CREATE TABLE cars (
    doors integer
) INHERITS (vehicles);

-- boats no longer inherits: same columns and the formerly inherited check, now local
CREATE TABLE boats (
    id       integer NOT NULL,
    name     text,
    length_m numeric(6,2),
    CONSTRAINT vehicles_name_chk CHECK (name <> '')
);

-- trucks joins the hierarchy
CREATE TABLE trucks (
    id      integer NOT NULL,
    name    text,
    payload integer,
    CONSTRAINT vehicles_name_chk CHECK (name <> '')
);
ALTER TABLE trucks INHERIT vehicles;

-- gliders dropped

CREATE TABLE bikes (
    gears integer
) INHERITS (vehicles);

CREATE TABLE amphibians (
    wheels integer
) INHERITS (cars, boats);

-- parent evolves after the children exist, so the new column is appended to every child
ALTER TABLE vehicles ADD COLUMN color text;
