-- REPLICA IDENTITY: DEFAULT->FULL, FULL->NOTHING, NOTHING->USING INDEX, USING INDEX->DEFAULT, USING INDEX switched to another index, new table with FULL.
CREATE TABLE t_default (
    id integer PRIMARY KEY,
    v  text
);
ALTER TABLE t_default REPLICA IDENTITY FULL;

CREATE TABLE t_full (
    id integer PRIMARY KEY,
    v  text
);
ALTER TABLE t_full REPLICA IDENTITY NOTHING;

CREATE TABLE t_nothing (
    id   integer PRIMARY KEY,
    code text NOT NULL,
    CONSTRAINT t_nothing_code_key UNIQUE (code)
);
ALTER TABLE t_nothing REPLICA IDENTITY USING INDEX t_nothing_code_key;

CREATE TABLE t_index (
    id   integer NOT NULL,
    code text    NOT NULL
);
CREATE UNIQUE INDEX t_index_code_uq ON t_index (code);

CREATE TABLE t_switch (
    a integer NOT NULL,
    b integer NOT NULL
);
CREATE UNIQUE INDEX t_switch_a_uq ON t_switch (a);
CREATE UNIQUE INDEX t_switch_b_uq ON t_switch (b);
ALTER TABLE t_switch REPLICA IDENTITY USING INDEX t_switch_b_uq;

CREATE TABLE t_new (
    id integer,
    v  jsonb
);
ALTER TABLE t_new REPLICA IDENTITY FULL;
