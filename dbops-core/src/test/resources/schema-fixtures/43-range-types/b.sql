-- Range types: subtype with subtype_diff, COLLATION, subtype_opclass added (re-create while the last column of a table uses it), multirange_type_name changed, explicit default opclass, range created/dropped, range comment.
CREATE TYPE floatrange AS RANGE (
    subtype = float8,
    subtype_diff = float8mi
);
COMMENT ON TYPE floatrange IS 'Range of double precision values';

CREATE TYPE textrange_c AS RANGE (
    subtype = text,
    subtype_opclass = text_pattern_ops,
    collation = "C"
);

CREATE TYPE daterange2 AS RANGE (
    subtype = date,
    multirange_type_name = date_multirange2
);

CREATE FUNCTION time_diff_seconds(a time, b time) RETURNS double precision
    LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT extract(epoch FROM (a - b))::double precision $$;

CREATE TYPE timerange AS RANGE (
    subtype = time,
    subtype_diff = time_diff_seconds
);

CREATE TYPE intband AS RANGE (
    subtype = int4,
    subtype_opclass = int4_ops
);

CREATE TABLE rooms (
    id        integer PRIMARY KEY,
    temp_band floatrange,
    name_band textrange_c
);
CREATE INDEX rooms_temp_band_idx ON rooms USING gist (temp_band);
