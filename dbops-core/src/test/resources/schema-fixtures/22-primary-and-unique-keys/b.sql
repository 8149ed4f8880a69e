-- PRIMARY KEY / UNIQUE: PK moved to other columns, PK renamed, PK added/dropped, PK with INCLUDE, UNIQUE added/dropped/changed, UNIQUE NULLS NOT DISTINCT (PG15+), DEFERRABLE unique, unique with index storage parameters.
CREATE TABLE users (
    id       integer,
    tenant   integer NOT NULL,
    email    text,
    username text,
    CONSTRAINT users_pkey PRIMARY KEY (id),
    CONSTRAINT users_tenant_username_key UNIQUE (tenant, username) DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT users_email_nnd_key UNIQUE NULLS NOT DISTINCT (email)
);

CREATE TABLE tags (
    name text NOT NULL,
    id   integer PRIMARY KEY
);

CREATE TABLE items (
    id    integer,
    label text,
    CONSTRAINT items_pkey PRIMARY KEY (id) INCLUDE (label)
);

CREATE TABLE no_key (
    id integer NOT NULL,
    v  text,
    CONSTRAINT no_key_pkey PRIMARY KEY (id) WITH (fillfactor = 80)
);

CREATE TABLE had_key (
    id integer NOT NULL,
    v  text
);

CREATE TABLE slots (
    day  date    NOT NULL,
    slot integer NOT NULL,
    who  text,
    CONSTRAINT slots_day_slot_key UNIQUE (day, slot, who)
);
