-- Enums: created/dropped, value appended (ADD VALUE), value inserted BEFORE another, values added at both ends, value removed while a column with a default uses the type (needs type re-creation), value renamed, values reordered, enum comment, enum with awkward labels.
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
COMMENT ON TYPE mood IS 'How are you feeling?';

CREATE TYPE priority AS ENUM ('low', 'high');

CREATE TYPE color AS ENUM ('red', 'green', 'blue', 'yellow');

CREATE TYPE legacy_state AS ENUM ('a', 'b');

CREATE TYPE tshirt_size AS ENUM ('s', 'm', 'l');

CREATE TYPE shipping_state AS ENUM ('pending', 'shipped');

CREATE TYPE direction AS ENUM ('up', 'down');

CREATE TABLE paints (
    id       integer PRIMARY KEY,
    color    color NOT NULL DEFAULT 'red',
    mood     mood,
    priority priority DEFAULT 'low'
);
