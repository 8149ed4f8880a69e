-- statements: 6
-- E'' strings where \' does not end the string, \\ does not escape the quote after it, and a string
-- continued across a newline (even past a comment) stays in escape mode; U&, N, B and X literals.
CREATE TABLE esc (id int, v text);
INSERT INTO esc VALUES (1, E'it\'s; fine'), (2, E'back\\'), (3, e'\\\';'), (4, 'plain\'), (5, E'\x41\101\u00e9');
INSERT INTO esc VALUES (6, 'con'
    'tinued;'), (7, E'esc'
    -- a comment between the segments; with a quote '
    '\';still inside'), (8, U&'\0041\+01F600;'), (9, N'national;');
SELECT B'1010' | B'0101' AS bits, X'1F' AS hex, E'\\' || ';' AS s;
INSERT INTO esc SELECT 10, U&'!0041;' UESCAPE '!';
SELECT count(*) FROM esc WHERE v LIKE E'%\\%' ESCAPE '|' OR v LIKE '%\%'
