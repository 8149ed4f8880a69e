-- Ownership (ALTER ... OWNER TO): schema, table (with serial and identity sequences and existing grants), view, materialized view, standalone sequence, function, procedure, enum, composite, domain and range types; owner changed to other roles and back to postgres.
CREATE SCHEMA owned_schema;
CREATE SCHEMA handed_back AUTHORIZATION dbops_owner;

CREATE TABLE ledger (
    id     serial PRIMARY KEY,
    ext_id bigint GENERATED ALWAYS AS IDENTITY,
    amount numeric
);
GRANT SELECT ON ledger TO dbops_reader;

CREATE TABLE given_back (
    id integer PRIMARY KEY
);
ALTER TABLE given_back OWNER TO dbops_owner;

CREATE VIEW ledger_view AS SELECT id, amount FROM ledger;

CREATE MATERIALIZED VIEW ledger_totals AS SELECT sum(amount) AS total FROM ledger;

CREATE SEQUENCE ticket_seq;

CREATE FUNCTION ledger_sum() RETURNS numeric
    LANGUAGE sql STABLE
    AS $$ SELECT sum(amount) FROM ledger $$;

CREATE PROCEDURE ledger_reset()
    LANGUAGE sql
    AS $$ DELETE FROM ledger $$;

CREATE TYPE ledger_kind AS ENUM ('debit', 'credit');
CREATE TYPE ledger_entry AS (kind ledger_kind, amount numeric);
CREATE DOMAIN ledger_amount AS numeric(14,2);
CREATE TYPE amount_range AS RANGE (subtype = numeric);
