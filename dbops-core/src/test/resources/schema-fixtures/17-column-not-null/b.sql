-- NOT NULL set and dropped, incl. a column whose PRIMARY KEY goes away and becomes nullable, and a column that gains a PRIMARY KEY.
CREATE TABLE t (
    a integer,
    b text NOT NULL,
    c text NOT NULL,
    d date NOT NULL
);

CREATE TABLE t_pk_dropped (
    id    integer,
    label text
);

CREATE TABLE t_pk_added (
    id    integer PRIMARY KEY,
    label text NOT NULL
);
