-- Table inheritance (INHERITS): child keeps inheriting, child stops inheriting (NO INHERIT), standalone table starts inheriting (INHERIT), new child, new multi-parent child, column added to the parent, inherited CHECK.
CREATE TABLE vehicles (
    id   integer NOT NULL,
    name text,
    CONSTRAINT vehicles_name_chk CHECK (name <> '')
);

CREATE TABLE cars (
    doors integer
) INHERITS (vehicles);

CREATE TABLE boats (
    length_m numeric(6,2)
) INHERITS (vehicles);

CREATE TABLE trucks (
    id      integer NOT NULL,
    name    text,
    payload integer
);

CREATE TABLE gliders (
    wingspan numeric
) INHERITS (vehicles);
