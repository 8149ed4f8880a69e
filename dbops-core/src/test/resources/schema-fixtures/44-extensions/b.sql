-- Extensions: added with dependent objects (pg_trgm gin index, btree_gist exclusion), dropped with dependent objects (pgcrypto default, unused uuid-ossp), moved to another schema (citext, column type follows), version updated (hstore 1.7 -> 1.8), extension comment changed.
CREATE SCHEMA ext;

CREATE EXTENSION citext SCHEMA ext;
CREATE EXTENSION hstore VERSION '1.8';
COMMENT ON EXTENSION hstore IS 'Key/value pairs for user preferences';
CREATE EXTENSION pg_trgm;
CREATE EXTENSION btree_gist;

CREATE TABLE users (
    id      integer PRIMARY KEY,
    email   ext.citext NOT NULL,
    prefs   hstore,
    api_key text
);
CREATE UNIQUE INDEX users_email_uq ON users (email);
CREATE INDEX users_email_trgm ON users USING gin ((email::text) gin_trgm_ops);

CREATE TABLE desk_bookings (
    id     integer PRIMARY KEY,
    desk   integer NOT NULL,
    during tstzrange NOT NULL,
    CONSTRAINT desk_bookings_no_overlap EXCLUDE USING gist (desk WITH =, during WITH &&)
);
