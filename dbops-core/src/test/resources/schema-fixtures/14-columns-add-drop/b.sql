-- Columns added (nullable, NOT NULL with default, array, jsonb with default) and dropped (incl. ones carrying an index and a CHECK); surviving columns keep their order, new ones are appended.
CREATE TABLE people (
    id         integer PRIMARY KEY,
    first_name text NOT NULL,
    last_name  text NOT NULL,
    email      varchar(255),
    phone      text NOT NULL DEFAULT '',
    tags       text[],
    meta       jsonb DEFAULT '{}'::jsonb
);

CREATE TABLE wide (
    c integer
);

CREATE TABLE narrow (
    id         integer,
    label      text COLLATE "C",
    created_on date NOT NULL DEFAULT CURRENT_DATE,
    ratio      double precision,
    flags      bit varying(16)
);
