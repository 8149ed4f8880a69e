-- Schemas: one created, one dropped (with contents), comments added/changed/removed, owner changed both ways, quoted names.
CREATE SCHEMA billing;
COMMENT ON SCHEMA billing IS 'Billing, invoicing and dunning';

CREATE SCHEMA reporting AUTHORIZATION dbops_owner;
COMMENT ON SCHEMA reporting IS 'Read models for BI';

CREATE SCHEMA staging;

CREATE SCHEMA "Sales Team";

CREATE SCHEMA empty_one;

CREATE SCHEMA audit AUTHORIZATION "Role With Space";
COMMENT ON SCHEMA audit IS 'Audit trail';
CREATE TABLE audit.events (
    id          bigint PRIMARY KEY,
    happened_at timestamptz NOT NULL DEFAULT now()
);

CREATE SCHEMA "Ops ""Night"" Shift";
COMMENT ON SCHEMA "Ops ""Night"" Shift" IS 'Schema name with spaces and embedded quotes';
