-- Privileges on schemas (USAGE/CREATE incl. on public), sequences (USAGE/SELECT/UPDATE), functions and procedures (EXECUTE, REVOKE EXECUTE FROM PUBLIC and back), types and domains (USAGE, REVOKE FROM PUBLIC); granted, revoked, WITH GRANT OPTION.
CREATE SCHEMA app;
GRANT USAGE ON SCHEMA app TO dbops_reader;

CREATE SEQUENCE app.order_seq;
GRANT USAGE ON SEQUENCE app.order_seq TO dbops_writer;

CREATE SEQUENCE app.invoice_seq;
GRANT USAGE, SELECT, UPDATE ON SEQUENCE app.invoice_seq TO dbops_app;

CREATE FUNCTION app.calc(x integer) RETURNS integer
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT x * 2 $$;
REVOKE EXECUTE ON FUNCTION app.calc(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.calc(integer) TO dbops_app;

CREATE FUNCTION app.pub(x integer) RETURNS integer
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT x + 1 $$;

CREATE PROCEDURE app.do_it()
    LANGUAGE plpgsql
    AS $$ BEGIN NULL; END $$;
GRANT EXECUTE ON PROCEDURE app.do_it() TO dbops_writer;

CREATE TYPE app.status AS ENUM ('on', 'off');

CREATE DOMAIN app.amount AS numeric(12,2);
REVOKE USAGE ON DOMAIN app.amount FROM PUBLIC;
