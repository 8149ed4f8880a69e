-- PRIMARY KEY / UNIQUE: PK moved to other columns, PK renamed, PK added/dropped, PK with INCLUDE, UNIQUE added/dropped/changed, UNIQUE NULLS NOT DISTINCT (PG15+), DEFERRABLE unique, unique with index storage parameters.
CREATE TABLE users (
    id       integer,
    tenant   integer NOT NULL,
    email    text,
    username text,
    CONSTRAINT users_pkey PRIMARY KEY (id),
    CONSTRAINT users_email_key UNIQUE (email)
);

CREATE TABLE tags (
    name text PRIMARY KEY,
    id   integer NOT NULL
);

CREATE TABLE items (
    id    integer,
    label text,
    CONSTRAINT items_pk PRIMARY KEY (id)
);

CREATE TABLE no_key (
    id integer NOT NULL,
    v  text
);

CREATE TABLE had_key (
    id integer PRIMARY KEY,
    v  text
);

CREATE TABLE slots (
    day  date    NOT NULL,
    slot integer NOT NULL,
    who  text,
    CONSTRAINT slots_day_slot_key UNIQUE (day, slot)
);
