-- Extensions: added with dependent objects (pg_trgm gin index, btree_gist exclusion), dropped with dependent objects (pgcrypto default, unused uuid-ossp), moved to another schema (citext, column type follows), version updated (hstore 1.7 -> 1.8), extension comment changed.
CREATE SCHEMA ext;

CREATE EXTENSION citext;
CREATE EXTENSION hstore VERSION '1.7';
CREATE EXTENSION pgcrypto;
CREATE EXTENSION "uuid-ossp";

CREATE TABLE users (
    id      integer PRIMARY KEY,
    email   citext NOT NULL,
    prefs   hstore,
    api_key text DEFAULT encode(gen_random_bytes(16), 'hex')
);
CREATE UNIQUE INDEX users_email_uq ON users (email);
