-- Nasty identifiers everywhere: embedded double quotes ("we""ird"), spaces, unicode ("größe", "表"), reserved words ("user", "select", "table"), mixed case ("CamelCase"), semicolons and dots in names, a 63-byte name whose generated pkey name is truncated; objects of many kinds added, dropped and changed.
CREATE TABLE "order items" (
    "we""ird"   integer NOT NULL,
    "größe"     numeric(12,3),
    "select"    text NOT NULL DEFAULT 'x''y',
    "CamelCase" text COLLATE "C",
    "Größe ""2"" ; --" integer,
    CONSTRAINT "order items_pkey" PRIMARY KEY ("we""ird"),
    CONSTRAINT "check ""größe""" CHECK ("größe" >= 0)
);
CREATE INDEX "idx on ""order items""" ON "order items" ("größe" DESC);
COMMENT ON TABLE "order items" IS 'Table with a space; and a semicolon -- and dashes /* and a comment opener';
COMMENT ON COLUMN "order items"."we""ird" IS 'Quoted "column"';
GRANT SELECT ("größe", "select") ON "order items" TO "Role With Space";

CREATE TABLE "表" (
    "列"   integer PRIMARY KEY,
    "名前" text,
    "説明" text
);
COMMENT ON TABLE "表" IS '表のコメント';

CREATE TABLE "user" (
    id      integer PRIMARY KEY,
    "table" text,
    "from"  date,
    "Order" integer
);

CREATE TABLE "CamelCase" (
    "Id"   bigint PRIMARY KEY,
    "Name" text,
    "camelcase" text
);

CREATE TABLE a_table_name_that_is_exactly_sixty_three_bytes_long_abcdefghijk (
    id      integer PRIMARY KEY,
    user_id integer REFERENCES "user" (id)
);

CREATE TYPE "Status" AS ENUM ('it''s', 'with space', 'ünï', 'new "one"');

CREATE SEQUENCE "seq.with.dots" INCREMENT BY 7;
CREATE SEQUENCE "Seq ""2""";

CREATE FUNCTION "Do Thing"("from" integer) RETURNS integer
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT "from" + 2 $$;
CREATE FUNCTION "Do Thing"("from" text) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT "from" || '!' $$;

CREATE VIEW "select" AS
    SELECT "we""ird", "größe", "select" FROM "order items";
COMMENT ON VIEW "select" IS 'A view named select';

CREATE FUNCTION "trg fn"() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER "Trigger!" BEFORE INSERT OR UPDATE ON "user" FOR EACH ROW EXECUTE FUNCTION "trg fn"();

ALTER TABLE "user" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "p ""q""" ON "user" FOR SELECT TO "Role With Space", dbops_reader USING ("table" IS NOT NULL);

CREATE TABLE "Таблица" (
    "столбец" text,
    "$dollar" integer,
    "_under" integer
);
