-- Table reloptions (storage parameters): changed value, all reset, added to a table without any, one of several changed/added, new table with options.
CREATE TABLE hot_rows (
    id  integer PRIMARY KEY,
    val text
) WITH (fillfactor = 70);

CREATE TABLE quiet (
    id integer PRIMARY KEY
) WITH (autovacuum_enabled = false);

CREATE TABLE plain (
    id integer PRIMARY KEY
);

CREATE TABLE tuned (
    id integer PRIMARY KEY
) WITH (fillfactor = 90, autovacuum_vacuum_scale_factor = 0.05);
