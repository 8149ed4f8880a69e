-- Composite types: attribute added, attribute dropped, attribute type changed while a table column uses the type (ALTER ATTRIBUTE ... CASCADE), nested composite, attribute COLLATE, type created/dropped, type and attribute comments, function taking the type.
CREATE TYPE address AS (
    street  text,
    city    text,
    zip     varchar(12),
    country text COLLATE "C"
);
COMMENT ON TYPE address IS 'Postal address';
COMMENT ON COLUMN address.zip IS 'Postal code (up to 12 characters)';
COMMENT ON COLUMN address.country IS 'ISO 3166 code';

CREATE TYPE money_amount AS (
    amount   numeric(14,4),
    currency char(3)
);

CREATE TYPE point3 AS (
    x double precision,
    z double precision
);

CREATE TYPE line_item AS (
    sku   text,
    qty   integer,
    price money_amount
);
COMMENT ON TYPE line_item IS 'Nested composite';

CREATE TABLE customers (
    id      integer PRIMARY KEY,
    home    address,
    balance money_amount
);

CREATE FUNCTION format_address(a address) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT concat_ws(', ', a.street, a.zip || ' ' || a.city, a.country) $$;
