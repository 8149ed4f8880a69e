-- serial/bigserial/smallserial columns: unchanged, serial turned into plain bigint (default and owned sequence removed), serial column added, serial->bigserial (sequence AS type must follow), table with serial dropped, comment on the implicit sequence.
CREATE TABLE t1 (
    id   serial PRIMARY KEY,
    name text
);
COMMENT ON SEQUENCE t1_id_seq IS 'Backs t1.id';

CREATE TABLE t2 (
    id bigint NOT NULL,
    x  integer
);

CREATE TABLE t3 (
    id     integer,
    code   smallserial,
    seq_no serial
);

CREATE TABLE t5 (
    id      bigserial PRIMARY KEY,
    payload jsonb
);

CREATE TABLE t6 (
    id   bigserial,
    note text
);
