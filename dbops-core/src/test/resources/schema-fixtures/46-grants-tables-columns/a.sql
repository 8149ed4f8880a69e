-- Table, view and column privileges: GRANT/REVOKE of SELECT/INSERT/UPDATE/DELETE/TRUNCATE/REFERENCES/TRIGGER, WITH GRANT OPTION added/removed, grants to PUBLIC and to a quoted role, column-level grants changed, owner revoking part of its own privileges, and an ACL that is explicitly equal to the default (grant+revoke) on one side only.
CREATE TABLE orders (
    id     integer PRIMARY KEY,
    status text,
    total  numeric(12,2)
);
GRANT SELECT ON orders TO dbops_reader;
GRANT SELECT, INSERT, UPDATE ON orders TO dbops_writer;
GRANT ALL ON orders TO dbops_owner WITH GRANT OPTION;

CREATE TABLE customers (
    id     integer PRIMARY KEY,
    name   text,
    email  text,
    status text
);
GRANT SELECT (id, status), UPDATE (status) ON customers TO dbops_app;
GRANT SELECT ON customers TO PUBLIC;

CREATE VIEW open_orders AS
    SELECT id, total FROM orders WHERE status = 'open';
GRANT SELECT ON open_orders TO dbops_reader;

CREATE TABLE audit (
    id integer
);
