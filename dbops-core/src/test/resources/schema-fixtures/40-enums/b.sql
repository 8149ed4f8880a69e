-- Enums: created/dropped, value appended (ADD VALUE), value inserted BEFORE another, values added at both ends, value removed while a column with a default uses the type (needs type re-creation), value renamed, values reordered, enum comment, enum with awkward labels.
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy', 'ecstatic');
COMMENT ON TYPE mood IS 'How are you feeling today?';

CREATE TYPE priority AS ENUM ('low', 'medium', 'high');

CREATE TYPE color AS ENUM ('red', 'green', 'blue');

CREATE TYPE tshirt_size AS ENUM ('xs', 's', 'm', 'l', 'xl');

CREATE TYPE shipping_state AS ENUM ('pending', 'dispatched');

CREATE TYPE direction AS ENUM ('down', 'up');

CREATE TYPE "order status" AS ENUM ('new', 'in progress', 'it''s done', 'größe', 'UPPER', '');
COMMENT ON TYPE "order status" IS 'Labels with spaces, quotes, unicode, case and an empty label';

CREATE TABLE paints (
    id       integer PRIMARY KEY,
    color    color NOT NULL DEFAULT 'red',
    mood     mood,
    priority priority DEFAULT 'low'
);
