-- Constraint comments (PK, UNIQUE, CHECK, FK, EXCLUDE, domain CHECK): added, changed, removed, and a commented constraint whose definition changes (comment must survive the re-create).
CREATE DOMAIN rating AS integer CONSTRAINT rating_range CHECK (VALUE BETWEEN 1 AND 5);

CREATE TABLE authors (
    id   integer,
    name text,
    CONSTRAINT authors_pkey PRIMARY KEY (id),
    CONSTRAINT authors_name_key UNIQUE (name)
);
COMMENT ON CONSTRAINT authors_pkey ON authors IS 'Surrogate key';
COMMENT ON CONSTRAINT authors_name_key ON authors IS 'Pen names are unique';

CREATE TABLE books (
    id        integer PRIMARY KEY,
    author_id integer,
    pages     integer,
    stars     rating,
    shelf     int4range,
    CONSTRAINT books_author_fk FOREIGN KEY (author_id) REFERENCES authors (id),
    CONSTRAINT books_pages_chk CHECK (pages > 0),
    CONSTRAINT books_shelf_excl EXCLUDE USING gist (shelf WITH &&)
);
COMMENT ON CONSTRAINT books_pages_chk ON books IS 'No empty books';
COMMENT ON CONSTRAINT rating_range ON DOMAIN rating IS 'Five-star scale';
