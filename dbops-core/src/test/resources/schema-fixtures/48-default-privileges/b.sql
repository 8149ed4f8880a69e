-- ALTER DEFAULT PRIVILEGES: global and IN SCHEMA, FOR ROLE (current and another role), on TABLES/SEQUENCES/FUNCTIONS/TYPES/SCHEMAS; added, removed, changed; B creates one table before and one after its defaults, so object ACLs depend on ordering.
CREATE SCHEMA app;

ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO dbops_reader;

CREATE TABLE app.existing (
    id integer PRIMARY KEY
);
-- created before the new default below, so it has no grant for dbops_app
CREATE TABLE app.before_defaults (
    id integer PRIMARY KEY
);

ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT, INSERT ON TABLES TO dbops_app;
ALTER DEFAULT PRIVILEGES FOR ROLE dbops_owner IN SCHEMA app GRANT SELECT, INSERT, UPDATE ON TABLES TO dbops_writer;
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT EXECUTE ON FUNCTIONS TO dbops_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT USAGE ON TYPES TO dbops_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE dbops_owner GRANT USAGE ON SCHEMAS TO dbops_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE "Role With Space" IN SCHEMA app GRANT USAGE, SELECT ON SEQUENCES TO dbops_reader WITH GRANT OPTION;

-- created after the defaults: receives SELECT for dbops_reader and SELECT, INSERT for dbops_app
CREATE TABLE app.after_defaults (
    id integer PRIMARY KEY
);
