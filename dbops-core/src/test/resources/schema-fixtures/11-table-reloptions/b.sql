-- Table reloptions (storage parameters): changed value, all reset, added to a table without any, one of several changed/added, new table with options.
CREATE TABLE hot_rows (
    id  integer PRIMARY KEY,
    val text
) WITH (fillfactor = 80);

CREATE TABLE quiet (
    id integer PRIMARY KEY
);

CREATE TABLE plain (
    id integer PRIMARY KEY
) WITH (autovacuum_enabled = false, fillfactor = 50);

CREATE TABLE tuned (
    id integer PRIMARY KEY
) WITH (fillfactor = 90, autovacuum_vacuum_scale_factor = 0.1, autovacuum_analyze_threshold = 500);

CREATE TABLE wide (
    id   integer PRIMARY KEY,
    blob text
) WITH (parallel_workers = 4, toast_tuple_target = 4096, user_catalog_table = false);
