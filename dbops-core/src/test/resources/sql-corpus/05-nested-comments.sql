-- statements: 4
/* A header comment; with 'quotes', "double quotes", $$dollars$$
   /* and a nested comment; */ still inside the outer one;
*/
CREATE TABLE c1 (id int /* inline; */, -- trailing; comment
    v text /* nested /* deeper; */ back; */ DEFAULT 'x'
);
/**/ INSERT /*; */ INTO c1 VALUES (1, '/* not a comment; */');
-- a line comment with an unterminated quote ' and $$ and /*
INSERT INTO c1 VALUES (2, '-- not a comment either; ');
SELECT 1 /* comment
spanning lines; */ + 2 -- the end, no newline after this; */