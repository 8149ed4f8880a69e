-- statements: 6
-- Plain DDL and DML whose strings and quoted identifiers hold semicolons, quotes and comment markers.
CREATE TABLE notes (
    id    integer PRIMARY KEY,
    body  text NOT NULL DEFAULT 'n/a; really',   -- a comment; with a 'quote'
    "note;kind" text
);
INSERT INTO notes VALUES (1, 'it''s; here', 'a'), (2, '--not a comment', '/* nor this */');
INSERT INTO notes (id, body)
VALUES (3, 'line one;
line two');;
;
UPDATE notes SET body = body || ';' WHERE id = 1 ; COMMENT ON TABLE notes IS 'Notes; with ''quotes''';
CREATE INDEX notes_body_idx ON notes (body) WHERE body <> ';'
