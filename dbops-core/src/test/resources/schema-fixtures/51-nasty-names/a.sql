-- Nasty identifiers everywhere: embedded double quotes ("we""ird"), spaces, unicode ("größe", "表"), reserved words ("user", "select", "table"), mixed case ("CamelCase"), semicolons and dots in names, a 63-byte name whose generated pkey name is truncated; objects of many kinds added, dropped and changed.
CREATE TABLE "order items" (
    "we""ird"  integer NOT NULL,
    "größe"    numeric(10,2),
    "select"   text,
    "CamelCase" text,
    CONSTRAINT "order items_pkey" PRIMARY KEY ("we""ird")
);
CREATE INDEX "idx on ""order items""" ON "order items" ("größe");
COMMENT ON TABLE "order items" IS 'Table with a space; and a semicolon';

CREATE TABLE "表" (
    "列" integer PRIMARY KEY,
    "名前" text
);

CREATE TABLE "user" (
    id      integer PRIMARY KEY,
    "table" text,
    "from"  date
);

CREATE TABLE "CamelCase" (
    "Id"   integer PRIMARY KEY,
    "Name" text
);

CREATE TABLE "semi;colon" (
    "a.b" integer
);

CREATE TABLE a_table_name_that_is_exactly_sixty_three_bytes_long_abcdefghijk (
    id integer PRIMARY KEY
);

CREATE TYPE "Status" AS ENUM ('it''s', 'with space', 'ünï');

CREATE SEQUENCE "seq.with.dots";

CREATE FUNCTION "Do Thing"("from" integer) RETURNS integer
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT "from" + 1 $$;

CREATE VIEW "select" AS
    SELECT "we""ird", "größe" FROM "order items";

CREATE FUNCTION "trg fn"() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER "Trigger!" BEFORE INSERT ON "user" FOR EACH ROW EXECUTE FUNCTION "trg fn"();

ALTER TABLE "user" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "p ""q""" ON "user" FOR SELECT TO "Role With Space" USING ("table" IS NOT NULL);
