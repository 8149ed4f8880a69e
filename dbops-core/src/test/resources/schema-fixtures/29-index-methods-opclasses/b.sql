-- Index methods and operator classes: hash, gin (array, jsonb, jsonb_path_ops, tsvector, pg_trgm), brin (pages_per_range, autosummarize), gist, spgist, text_pattern_ops, opclass parameters (gist_trgm_ops(siglen)); method/opclass/options changed.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE docs (
    id      integer PRIMARY KEY,
    title   text,
    body    text,
    tags    text[],
    attrs   jsonb,
    created date,
    geo     point,
    period  tsrange,
    code    varchar(20),
    tsv     tsvector
);
CREATE INDEX docs_code_hash ON docs USING btree (code);
CREATE INDEX docs_tags_gin ON docs USING gin (tags);
CREATE INDEX docs_created_brin ON docs USING brin (created) WITH (pages_per_range = 32, autosummarize = on);
CREATE INDEX docs_geo_gist ON docs USING spgist (geo);
CREATE INDEX docs_title_pattern ON docs (lower(title) text_pattern_ops);
CREATE INDEX docs_title_trgm ON docs USING gist (title gist_trgm_ops (siglen = 32));
CREATE INDEX docs_attrs_gin ON docs USING gin (attrs jsonb_path_ops);
CREATE INDEX docs_period_gist ON docs USING gist (period);
CREATE INDEX docs_tsv_gin ON docs USING gin (tsv) WITH (fastupdate = off);
CREATE INDEX docs_body_hash ON docs USING hash (body);
CREATE INDEX docs_id_brin ON docs USING brin (id int4_minmax_ops);
