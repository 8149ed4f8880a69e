-- statements: 3
-- Windows line endings, a lone carriage return, tabs and a form feed.
CREATE TABLE crlf (a int,
	b text);
INSERT INTO crlf VALUES (1, 'x;
y');SELECT 'a'
'b' AS joined, a FROM crlf
