-- Tables: created (incl. one with zero columns and one referencing an existing table), dropped (incl. a referenced one), table comments added/changed/removed.
CREATE TABLE customers (
    id   integer PRIMARY KEY,
    name text NOT NULL
);
COMMENT ON TABLE customers IS 'People and companies we sell to';

CREATE TABLE notes (
    id   integer PRIMARY KEY,
    body text
);
COMMENT ON TABLE notes IS 'Free-form notes (markdown allowed; it''s rendered)';

CREATE TABLE stays (
    id integer PRIMARY KEY
);

CREATE TABLE invoices (
    id          bigint PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES customers (id),
    issued_on   date NOT NULL,
    total       numeric(12,2) NOT NULL DEFAULT 0
);
COMMENT ON TABLE invoices IS 'Issued invoices';

CREATE TABLE maintenance_marker ();
COMMENT ON TABLE maintenance_marker IS 'A table without any columns';
