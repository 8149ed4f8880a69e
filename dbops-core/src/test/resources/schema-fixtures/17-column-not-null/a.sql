-- NOT NULL set and dropped, incl. a column whose PRIMARY KEY goes away and becomes nullable, and a column that gains a PRIMARY KEY.
CREATE TABLE t (
    a integer NOT NULL,
    b text,
    c text NOT NULL,
    d date
);

CREATE TABLE t_pk_dropped (
    id    integer PRIMARY KEY,
    label text
);

CREATE TABLE t_pk_added (
    id    integer,
    label text
);
