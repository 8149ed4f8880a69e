-- Columns added (nullable, NOT NULL with default, array, jsonb with default) and dropped (incl. ones carrying an index and a CHECK); surviving columns keep their order, new ones are appended.
CREATE TABLE people (
    id          integer PRIMARY KEY,
    first_name  text NOT NULL,
    middle_name text,
    last_name   text NOT NULL,
    fax         varchar(30),
    CONSTRAINT people_middle_name_chk CHECK (middle_name <> '')
);
CREATE INDEX people_fax_idx ON people (fax);

CREATE TABLE wide (
    a integer,
    b integer,
    c integer,
    d integer
);

CREATE TABLE narrow (
    id integer
);
