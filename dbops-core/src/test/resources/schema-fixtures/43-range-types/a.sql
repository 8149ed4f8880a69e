-- Range types: subtype with subtype_diff, COLLATION, subtype_opclass added (re-create while the last column of a table uses it), multirange_type_name changed, explicit default opclass, range created/dropped, range comment.
CREATE TYPE floatrange AS RANGE (
    subtype = float8,
    subtype_diff = float8mi
);
COMMENT ON TYPE floatrange IS 'Range of doubles';

CREATE TYPE textrange_c AS RANGE (
    subtype = text,
    collation = "C"
);

CREATE TYPE old_range AS RANGE (
    subtype = int2
);

CREATE TYPE daterange2 AS RANGE (
    subtype = date,
    multirange_type_name = date_multi
);

CREATE TABLE rooms (
    id        integer PRIMARY KEY,
    temp_band floatrange,
    name_band textrange_c
);
