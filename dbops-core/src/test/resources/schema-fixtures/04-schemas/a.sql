-- Schemas: one created, one dropped (with contents), comments added/changed/removed, owner changed both ways, quoted names.
CREATE SCHEMA billing;
COMMENT ON SCHEMA billing IS 'Billing and invoicing';

CREATE SCHEMA legacy;
COMMENT ON SCHEMA legacy IS 'Old stuff, scheduled for removal';
CREATE TABLE legacy.old_orders (
    id   integer PRIMARY KEY,
    note text
);
CREATE SEQUENCE legacy.old_counter;

CREATE SCHEMA reporting;

CREATE SCHEMA staging AUTHORIZATION dbops_owner;

CREATE SCHEMA "Sales Team";
COMMENT ON SCHEMA "Sales Team" IS 'Sales team sandbox, v1';

CREATE SCHEMA empty_one;
