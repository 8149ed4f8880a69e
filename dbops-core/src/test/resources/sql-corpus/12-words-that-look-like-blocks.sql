-- statements: 9
-- Schema elements without semicolons, and the words BEGIN, ATOMIC, CASE and END used as names:
-- a function called begin() must not open a body (psql's heuristic would think it does).
CREATE SCHEMA app
    CREATE TABLE app_items (id int PRIMARY KEY, label text DEFAULT ';')
    CREATE VIEW app_view AS SELECT id, label FROM app_items;
CREATE TYPE mood AS ENUM ('ok;', 'meh''', 'bad');
CREATE DOMAIN positive AS int CHECK (VALUE > 0 AND VALUE::text <> ';');
CREATE FUNCTION begin() RETURNS int LANGUAGE sql RETURN CASE WHEN true THEN 1 END;
CREATE FUNCTION "end"(x int) RETURNS int LANGUAGE sql AS 'select $1 + 1';
WITH t(begin, atomic) AS (VALUES (1, 2)) SELECT begin, atomic, begin() + "end"(1) AS total FROM t;
CREATE TABLE measurements (id int, m mood, p positive);
INSERT INTO measurements VALUES (1, 'ok;', 5), (2, 'meh''', 6);
SELECT id, sum(p) OVER (PARTITION BY m ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM measurements;
