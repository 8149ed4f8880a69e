-- serial/bigserial/smallserial columns: unchanged, serial turned into plain bigint (default and owned sequence removed), serial column added, serial->bigserial (sequence AS type must follow), table with serial dropped, comment on the implicit sequence.
CREATE TABLE t1 (
    id   serial PRIMARY KEY,
    name text
);

CREATE TABLE t2 (
    id bigserial,
    x  integer
);

CREATE TABLE t3 (
    id   integer,
    code smallserial
);

CREATE TABLE t4 (
    id serial PRIMARY KEY
);

CREATE TABLE t6 (
    id   serial,
    note text
);
