-- COMMENT ON every kind: schema, table, column, view, view column, materialized view, index, sequence, function, procedure, enum, composite type and attribute, domain, range type, table and domain constraints, trigger, policy, extension; added, changed, removed (incl. removal via IS '' and IS NULL).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE SCHEMA docs;
COMMENT ON SCHEMA docs IS 'schema v1';

CREATE TYPE docs.kind AS ENUM ('a', 'b');
COMMENT ON TYPE docs.kind IS 'enum v1';

CREATE TYPE docs.pair AS (l integer, r integer);
COMMENT ON TYPE docs.pair IS 'composite v1';
COMMENT ON COLUMN docs.pair.l IS 'left v1';

CREATE DOMAIN docs.score AS integer CONSTRAINT score_nonneg CHECK (VALUE >= 0);
COMMENT ON DOMAIN docs.score IS 'domain v1';
COMMENT ON CONSTRAINT score_nonneg ON DOMAIN docs.score IS 'domain constraint v1';

CREATE TYPE docs.span AS RANGE (subtype = integer);
COMMENT ON TYPE docs.span IS 'range v1';

CREATE SEQUENCE docs.counter;
COMMENT ON SEQUENCE docs.counter IS 'sequence v1';

CREATE TABLE docs.article (
    id    integer,
    title text,
    score docs.score,
    CONSTRAINT article_pkey PRIMARY KEY (id),
    CONSTRAINT article_title_chk CHECK (title <> '')
);
COMMENT ON TABLE docs.article IS 'table v1';
COMMENT ON COLUMN docs.article.title IS 'column v1';
COMMENT ON CONSTRAINT article_title_chk ON docs.article IS 'constraint v1';
CREATE INDEX article_title_idx ON docs.article (title);
COMMENT ON INDEX docs.article_title_idx IS 'index v1';
ALTER TABLE docs.article ENABLE ROW LEVEL SECURITY;
CREATE POLICY article_read ON docs.article FOR SELECT USING (true);
COMMENT ON POLICY article_read ON docs.article IS 'policy v1';

CREATE VIEW docs.article_titles AS SELECT id, title FROM docs.article;
COMMENT ON VIEW docs.article_titles IS 'view v1';
COMMENT ON COLUMN docs.article_titles.title IS 'view column v1';

CREATE MATERIALIZED VIEW docs.article_count AS SELECT count(*) AS n FROM docs.article;
COMMENT ON MATERIALIZED VIEW docs.article_count IS 'matview v1';

CREATE FUNCTION docs.touch() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN RETURN NEW; END $$;
COMMENT ON FUNCTION docs.touch() IS 'function v1';
CREATE TRIGGER article_touch BEFORE UPDATE ON docs.article FOR EACH ROW EXECUTE FUNCTION docs.touch();
COMMENT ON TRIGGER article_touch ON docs.article IS 'trigger v1';

CREATE PROCEDURE docs.rebuild()
    LANGUAGE sql
    AS $$ SELECT 1 $$;
COMMENT ON PROCEDURE docs.rebuild() IS 'procedure v1';

COMMENT ON EXTENSION pg_trgm IS 'extension v1';
