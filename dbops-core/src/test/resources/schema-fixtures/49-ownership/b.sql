-- Ownership (ALTER ... OWNER TO): schema, table (with serial and identity sequences and existing grants), view, materialized view, standalone sequence, function, procedure, enum, composite, domain and range types; owner changed to other roles and back to postgres.
CREATE SCHEMA owned_schema AUTHORIZATION dbops_owner;
CREATE SCHEMA handed_back;

CREATE TABLE ledger (
    id     serial PRIMARY KEY,
    ext_id bigint GENERATED ALWAYS AS IDENTITY,
    amount numeric
);
GRANT SELECT ON ledger TO dbops_reader;
ALTER TABLE ledger OWNER TO dbops_owner;

CREATE TABLE given_back (
    id integer PRIMARY KEY
);

CREATE VIEW ledger_view AS SELECT id, amount FROM ledger;
ALTER VIEW ledger_view OWNER TO "Role With Space";

CREATE MATERIALIZED VIEW ledger_totals AS SELECT sum(amount) AS total FROM ledger;
ALTER MATERIALIZED VIEW ledger_totals OWNER TO dbops_owner;

CREATE SEQUENCE ticket_seq;
ALTER SEQUENCE ticket_seq OWNER TO dbops_app;

CREATE FUNCTION ledger_sum() RETURNS numeric
    LANGUAGE sql STABLE
    AS $$ SELECT sum(amount) FROM ledger $$;
ALTER FUNCTION ledger_sum() OWNER TO dbops_owner;

CREATE PROCEDURE ledger_reset()
    LANGUAGE sql
    AS $$ DELETE FROM ledger $$;
ALTER PROCEDURE ledger_reset() OWNER TO dbops_owner;

CREATE TYPE ledger_kind AS ENUM ('debit', 'credit');
ALTER TYPE ledger_kind OWNER TO dbops_owner;
CREATE TYPE ledger_entry AS (kind ledger_kind, amount numeric);
ALTER TYPE ledger_entry OWNER TO "Role With Space";
CREATE DOMAIN ledger_amount AS numeric(14,2);
ALTER DOMAIN ledger_amount OWNER TO dbops_owner;
CREATE TYPE amount_range AS RANGE (subtype = numeric);
ALTER TYPE amount_range OWNER TO dbops_app;
