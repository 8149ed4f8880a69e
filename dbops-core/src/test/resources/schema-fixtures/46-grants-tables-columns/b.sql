-- Table, view and column privileges: GRANT/REVOKE of SELECT/INSERT/UPDATE/DELETE/TRUNCATE/REFERENCES/TRIGGER, WITH GRANT OPTION added/removed, grants to PUBLIC and to a quoted role, column-level grants changed, owner revoking part of its own privileges, and an ACL that is explicitly equal to the default (grant+revoke) on one side only.
CREATE TABLE orders (
    id     integer PRIMARY KEY,
    status text,
    total  numeric(12,2)
);
GRANT SELECT ON orders TO dbops_reader WITH GRANT OPTION;
GRANT SELECT, INSERT, DELETE ON orders TO dbops_writer;
GRANT TRUNCATE, REFERENCES, TRIGGER ON orders TO "Role With Space";
REVOKE TRUNCATE ON orders FROM postgres;

CREATE TABLE customers (
    id     integer PRIMARY KEY,
    name   text,
    email  text,
    status text
);
GRANT SELECT (id, status, email), INSERT (email) ON customers TO dbops_app;
GRANT REFERENCES (id) ON customers TO dbops_writer;

CREATE VIEW open_orders AS
    SELECT id, total FROM orders WHERE status = 'open';
GRANT SELECT ON open_orders TO dbops_reader, dbops_app;

CREATE TABLE audit (
    id integer
);
-- leaves an explicit ACL identical to the owner's default privileges
GRANT SELECT ON audit TO dbops_reader;
REVOKE SELECT ON audit FROM dbops_reader;

CREATE TABLE payments (
    id     integer PRIMARY KEY,
    amount numeric
);
GRANT SELECT, INSERT ON payments TO dbops_writer;
GRANT UPDATE (amount) ON payments TO dbops_writer WITH GRANT OPTION;
