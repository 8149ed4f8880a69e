-- statements: 9
-- CREATE RULE with several actions in parentheses: the server's grammar and psql keep the
-- semicolons between the actions inside one statement.
CREATE TABLE orders (id int PRIMARY KEY, qty int);
CREATE TABLE order_log (id int, action text);
CREATE TABLE counters (name text PRIMARY KEY, n int);
INSERT INTO counters VALUES ('orders', 0);
CREATE RULE log_insert AS ON INSERT TO orders DO ALSO (
    INSERT INTO order_log VALUES (NEW.id, 'insert; logged');
    UPDATE counters SET n = n + 1 WHERE name = 'orders'
);
CREATE RULE no_delete AS ON DELETE TO orders DO INSTEAD NOTHING;
CREATE RULE log_update AS ON UPDATE TO orders DO ALSO (INSERT INTO order_log VALUES (NEW.id, 'update'););
INSERT INTO orders VALUES (1, 5), (2, 7);
DELETE FROM orders WHERE id = 1
