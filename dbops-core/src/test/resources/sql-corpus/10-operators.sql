-- statements: 7
-- Operators as PostgreSQL cuts them: trailing + and - dropped unless the operator has an unusual
-- character, and -- or /* inside an operator run starting a comment.
CREATE FUNCTION at_minus(a int, b int) RETURNS int LANGUAGE sql IMMUTABLE RETURN a - b;
CREATE OPERATOR @- (LEFTARG = int, RIGHTARG = int, FUNCTION = at_minus);
SELECT 5 @-2 AS at_minus, 5=-2 AS eq_neg, 2+-1 AS plus_neg, 2*-+1 AS odd, 3 --+ 1; still a comment
    +4 AS seven;
SELECT 10/*;*/-1 AS nine, 1<>2 AS ne, 'a'||'b' AS cat, 1.5e3 + .5 AS num, 3!=4 AS ne2, 1.e2 AS hundred;
SELECT 1 -- ; x
;
SELECT (ARRAY[1,2,3])[2:3] AS slice, '{"a":1}'::jsonb ? 'a' AS has, 2 ^ 3 AS pow, 7 % 3 AS modulo;
SELECT 1::int, (2)::text, '5' :: int AS spaced, x.a FROM (SELECT 1 AS a) x WHERE 1 BETWEEN 0 AND 2
