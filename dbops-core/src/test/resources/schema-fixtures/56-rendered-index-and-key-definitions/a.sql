-- Index and key definitions the inspector renders itself from pg_index and pg_constraint: default operator classes reached through binary coercion (varchar, char, arrays, enums, domains over domains, ranges, cidr), explicit ones, COLLATE, DESC/NULLS, INCLUDE, reloptions, every simple partial predicate shape and ones left to the server, names that need quoting, keys with INCLUDE / NULLS NOT DISTINCT / DEFERRABLE, foreign keys with MATCH FULL, actions, SET NULL (column), cross-schema.
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE DOMAIN short_text AS varchar(20);
CREATE DOMAIN shorter_text AS short_text;
CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
CREATE SCHEMA "Other Side";
CREATE TABLE "Other Side".refs (
    id integer PRIMARY KEY
);
CREATE TABLE "Catalog Items" (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code varchar(32) NOT NULL,
    label char(8),
    tags text[],
    scores integer[],
    feeling mood,
    nick short_text,
    alias shorter_text,
    amount positive,
    addr inet,
    net cidr,
    span int4range,
    body text COLLATE "C",
    "select" integer,
    "Mixed" text,
    active boolean NOT NULL DEFAULT true,
    archived boolean NOT NULL DEFAULT false,
    deleted_at timestamptz,
    payload jsonb,
    ref_id integer REFERENCES "Other Side".refs (id) ON UPDATE SET DEFAULT
);
CREATE INDEX items_code_idx ON "Catalog Items" (code);
CREATE INDEX items_code_pattern_idx ON "Catalog Items" (code varchar_pattern_ops);
CREATE INDEX items_code_text_ops_idx ON "Catalog Items" (code text_ops);
CREATE INDEX items_label_idx ON "Catalog Items" (label);
CREATE INDEX items_tags_idx ON "Catalog Items" USING gin (tags);
CREATE INDEX items_scores_idx ON "Catalog Items" (scores);
CREATE INDEX items_feeling_idx ON "Catalog Items" (feeling);
CREATE INDEX items_nick_idx ON "Catalog Items" (nick, alias);
CREATE INDEX items_amount_idx ON "Catalog Items" USING hash (amount);
CREATE INDEX items_addr_idx ON "Catalog Items" (addr, net);
CREATE INDEX items_net_gist_idx ON "Catalog Items" USING gist (net inet_ops);
CREATE INDEX items_span_idx ON "Catalog Items" USING gist (span);
CREATE INDEX items_body_idx ON "Catalog Items" (body);
CREATE INDEX items_body_posix_idx ON "Catalog Items" (body COLLATE "POSIX");
CREATE INDEX "Items Mixed" ON "Catalog Items" ("Mixed" COLLATE "C" DESC, "select" NULLS FIRST);
CREATE INDEX items_sort_idx ON "Catalog Items" (id DESC NULLS LAST, code ASC NULLS FIRST) INCLUDE (label, "select");
CREATE INDEX items_active_idx ON "Catalog Items" (code) WHERE active;
CREATE INDEX items_not_archived_idx ON "Catalog Items" (code) WHERE NOT archived;
CREATE INDEX items_live_idx ON "Catalog Items" (id) WHERE deleted_at IS NULL AND active AND NOT archived;
CREATE INDEX items_either_idx ON "Catalog Items" (id) WHERE active OR (archived AND deleted_at IS NOT NULL);
CREATE INDEX items_select_idx ON "Catalog Items" ("select") WHERE "select" IS NOT NULL;
CREATE INDEX items_feeling_set_idx ON "Catalog Items" (id) WHERE feeling IS NULL;
CREATE INDEX items_operator_idx ON "Catalog Items" (id) WHERE code <> 'x';
CREATE UNIQUE INDEX items_lower_code_uq ON "Catalog Items" (lower(code));
CREATE INDEX items_brin_idx ON "Catalog Items" USING brin (deleted_at) WITH (pages_per_range = 16);
CREATE INDEX items_options_idx ON "Catalog Items" (code) WITH (fillfactor = 80, deduplicate_items = off);
CREATE INDEX items_payload_idx ON "Catalog Items" USING gin (payload jsonb_path_ops);

CREATE TABLE parents (
    a integer,
    b text,
    c integer,
    PRIMARY KEY (a, b) INCLUDE (c),
    UNIQUE NULLS NOT DISTINCT (c),
    CONSTRAINT "Weird Key" UNIQUE (b) DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE children (
    id integer PRIMARY KEY,
    pa integer,
    pb text,
    pc integer,
    CONSTRAINT children_full_fk FOREIGN KEY (pa, pb) REFERENCES parents (a, b) MATCH FULL
        ON UPDATE CASCADE ON DELETE SET NULL (pa),
    CONSTRAINT children_c_fk FOREIGN KEY (pc) REFERENCES parents (c) ON DELETE RESTRICT DEFERRABLE,
    CONSTRAINT "select" FOREIGN KEY (pa, pb) REFERENCES parents (a, b) NOT VALID
);
