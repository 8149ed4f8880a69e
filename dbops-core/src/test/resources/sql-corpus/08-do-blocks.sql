-- statements: 4
-- DO blocks whose PL/pgSQL bodies hold semicolons, nested dollar quotes and dynamic SQL.
CREATE TABLE log (msg text);
DO $$
BEGIN
    INSERT INTO log VALUES ('from do; block');
    EXECUTE 'INSERT INTO log VALUES (''dynamic;'')';
    PERFORM 1; -- ;;;
END
$$;
DO LANGUAGE plpgsql $do$
DECLARE
    body text := $inner$ it's; $$ nested $$ $inner$;
BEGIN
    IF body LIKE '%;%' THEN
        INSERT INTO log VALUES (body);
    END IF;
    FOR i IN 1..2 LOOP
        INSERT INTO log VALUES (format('loop %s;', i));
    END LOOP;
END $do$;
DO $x$ BEGIN INSERT INTO log VALUES ($y$;$y$); END $x$
