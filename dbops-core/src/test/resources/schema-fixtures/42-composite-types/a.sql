-- Composite types: attribute added, attribute dropped, attribute type changed while a table column uses the type (ALTER ATTRIBUTE ... CASCADE), nested composite, attribute COLLATE, type created/dropped, type and attribute comments, function taking the type.
CREATE TYPE address AS (
    street text,
    city   text,
    zip    varchar(10)
);
COMMENT ON TYPE address IS 'Postal address';
COMMENT ON COLUMN address.zip IS 'Postal code';

CREATE TYPE money_amount AS (
    amount   numeric(12,2),
    currency char(3)
);

CREATE TYPE old_pair AS (
    a integer,
    b integer
);

CREATE TYPE point3 AS (
    x double precision,
    y double precision
);

CREATE TABLE customers (
    id      integer PRIMARY KEY,
    home    address,
    balance money_amount
);

CREATE FUNCTION format_address(a address) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT concat_ws(', ', a.street, a.zip || ' ' || a.city) $$;
