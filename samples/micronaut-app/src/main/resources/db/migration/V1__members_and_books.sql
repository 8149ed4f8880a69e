-- The library's members and its catalogue.
CREATE TABLE members (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL,
    email text NOT NULL UNIQUE,
    joined_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE books (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    isbn text NOT NULL UNIQUE,
    title text NOT NULL,
    copies integer NOT NULL CHECK (copies >= 0)
);
