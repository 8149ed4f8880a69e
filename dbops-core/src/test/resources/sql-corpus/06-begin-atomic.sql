-- statements: 9
-- SQL-standard function bodies (PostgreSQL 14+): semicolons inside BEGIN ATOMIC ... END do not end
-- the statement, and neither CASE ... END nor "end" used as a column label inside the body ends it early.
CREATE TABLE scores (id int PRIMARY KEY, score int NOT NULL, "end" int);
INSERT INTO scores VALUES (1, 95, 1), (2, 60, 2), (3, 10, 3);
CREATE FUNCTION grade(s int) RETURNS text LANGUAGE sql IMMUTABLE
BEGIN ATOMIC
    SELECT CASE
        WHEN s >= 90 THEN 'A'
        ELSE CASE WHEN s >= 50 THEN 'B;' ELSE 'C' END
    END;
END;
CREATE OR REPLACE FUNCTION total_score() RETURNS bigint LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT sum(CASE WHEN x.end > 1 THEN x.score ELSE 0 END) AS end FROM scores x;
END;
CREATE PROCEDURE bump(n int) LANGUAGE sql
BEGIN ATOMIC
    UPDATE scores SET score = score + n WHERE id = 1;
    UPDATE scores SET score = CASE WHEN score > 100 THEN 100 ELSE score END;
    INSERT INTO scores SELECT max(id) + 1, n, NULL FROM scores;
END;
CREATE FUNCTION labels() RETURNS TABLE (a int, b int) LANGUAGE sql
BEGIN ATOMIC
    SELECT 1 end, 2 case;;
END;
CALL bump(3);
create function lower_case_atomic() returns int language sql begin atomic select 1; end
;
SELECT grade(s.score), total_score(), lower_case_atomic() FROM scores s ORDER BY s.id;
