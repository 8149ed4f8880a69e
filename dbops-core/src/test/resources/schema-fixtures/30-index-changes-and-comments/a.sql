-- Index comments added/changed/removed; an index renamed; a commented index whose definition changes (comment must be re-applied); unique -> non-unique; index on a user IMMUTABLE function; index on a second table dropped with its table.
CREATE FUNCTION normalize_phone(p text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT regexp_replace(p, '[^0-9+]', '', 'g') $$;

CREATE TABLE contacts (
    id      integer PRIMARY KEY,
    phone   text,
    city    text,
    country text,
    zip     text
);
CREATE INDEX contacts_phone_idx ON contacts (normalize_phone(phone));
COMMENT ON INDEX contacts_phone_idx IS 'Lookup by normalised phone';
CREATE INDEX contacts_city_idx ON contacts (city);
COMMENT ON INDEX contacts_city_idx IS 'City search';
CREATE UNIQUE INDEX contacts_zip_uq ON contacts (country, zip);
CREATE INDEX contacts_country_ix ON contacts (country);
CREATE INDEX contacts_zip_idx ON contacts (zip);

CREATE TABLE scratch (
    id integer
);
CREATE INDEX scratch_id_idx ON scratch (id);
COMMENT ON INDEX scratch_id_idx IS 'Goes away with the table';
