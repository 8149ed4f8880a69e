-- statements: 7
-- Dollar quotes: empty and named tags, other tags nested inside, tags that overlap, non-ASCII tags,
-- and dollar signs inside identifiers.
CREATE FUNCTION shout(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT upper(t) || '!;' $$;
CREATE FUNCTION counter(n int) RETURNS int LANGUAGE plpgsql AS $body$
DECLARE
    total int := 0; -- a ';' inside the body
    label text := $q$it's; $$ inside $q$;
BEGIN
    FOR i IN 1..n LOOP
        total := total + i;
    END LOOP;
    RETURN total;
END
$body$;
SELECT counter(3), shout($x$a;b$x$), $_$ $x$ $_$ AS odd_tag, $ü$unicode; tag$ü$ AS unicode_tag;
CREATE TABLE money$table (amount$usd int, "$x$" text);
INSERT INTO money$table VALUES (1, $$;$$), (2, $a$$$a$), (3, $b$x$ab$b$);
CREATE FUNCTION add_one(int) RETURNS int LANGUAGE sql AS 'SELECT $1 + 1';
SELECT add_one(amount$usd), "$x$" FROM money$table ORDER BY 1
