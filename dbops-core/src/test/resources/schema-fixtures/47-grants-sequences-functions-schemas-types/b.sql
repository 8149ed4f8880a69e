-- Privileges on schemas (USAGE/CREATE incl. on public), sequences (USAGE/SELECT/UPDATE), functions and procedures (EXECUTE, REVOKE EXECUTE FROM PUBLIC and back), types and domains (USAGE, REVOKE FROM PUBLIC); granted, revoked, WITH GRANT OPTION.
CREATE SCHEMA app;
GRANT USAGE ON SCHEMA app TO dbops_reader, dbops_writer;
GRANT CREATE ON SCHEMA app TO dbops_owner WITH GRANT OPTION;
GRANT CREATE ON SCHEMA public TO dbops_writer;

CREATE SEQUENCE app.order_seq;
GRANT USAGE, SELECT ON SEQUENCE app.order_seq TO dbops_writer;
GRANT UPDATE ON SEQUENCE app.order_seq TO dbops_app;

CREATE SEQUENCE app.invoice_seq;

CREATE FUNCTION app.calc(x integer) RETURNS integer
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT x * 2 $$;

CREATE FUNCTION app.pub(x integer) RETURNS integer
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT x + 1 $$;
REVOKE EXECUTE ON FUNCTION app.pub(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.pub(integer) TO dbops_reader WITH GRANT OPTION;

CREATE PROCEDURE app.do_it()
    LANGUAGE plpgsql
    AS $$ BEGIN NULL; END $$;
REVOKE EXECUTE ON PROCEDURE app.do_it() FROM PUBLIC;
GRANT EXECUTE ON PROCEDURE app.do_it() TO dbops_owner;

CREATE TYPE app.status AS ENUM ('on', 'off');
REVOKE USAGE ON TYPE app.status FROM PUBLIC;
GRANT USAGE ON TYPE app.status TO dbops_app;

CREATE DOMAIN app.amount AS numeric(12,2);
GRANT USAGE ON DOMAIN app.amount TO "Role With Space";
