-- statements: 6
-- Function bodies in single quotes (with doubled quotes and semicolons) and PL/pgSQL blocks whose
-- BEGIN ... END nest inside a dollar quote.
CREATE TABLE audited (id int, changed_by text);
CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql AS '
BEGIN
    NEW.changed_by := ''trigger;'';
    RETURN NEW;
END;
';
CREATE TRIGGER audited_stamp BEFORE INSERT ON audited FOR EACH ROW EXECUTE FUNCTION stamp();
INSERT INTO audited (id) VALUES (1);
CREATE FUNCTION nested_blocks() RETURNS int LANGUAGE plpgsql AS $f$
BEGIN
    BEGIN
        RETURN 1;
    EXCEPTION WHEN others THEN
        RETURN CASE WHEN true THEN 2 END;
    END;
END;
$f$;
create or replace function nested_blocks() returns int language plpgsql as $f$ begin return 3; end $f$;
