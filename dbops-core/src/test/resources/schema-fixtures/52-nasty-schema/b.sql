-- Schemas with nasty names ("My ""Quoted"" Schema", "Ünïcødé 表", "select") holding tables, sequences with regclass defaults, enums, functions, views, FKs and grants that cross schemas; schema added, dropped, renamed-equivalent (drop+create), objects changed.
CREATE SCHEMA "My ""Quoted"" Schema";
COMMENT ON SCHEMA "My ""Quoted"" Schema" IS 'Quoted schema; owned by a role with a space';
ALTER SCHEMA "My ""Quoted"" Schema" OWNER TO "Role With Space";
GRANT USAGE ON SCHEMA "My ""Quoted"" Schema" TO dbops_reader;

CREATE SEQUENCE "My ""Quoted"" Schema"."ids seq" CACHE 10;

CREATE TYPE "My ""Quoted"" Schema"."Colour" AS ENUM ('Red', 'Green', 'Blue "ish"');

CREATE TABLE "My ""Quoted"" Schema"."Parent Table" (
    id     integer NOT NULL DEFAULT nextval('"My ""Quoted"" Schema"."ids seq"'::regclass),
    colour "My ""Quoted"" Schema"."Colour" DEFAULT 'Red',
    label  text,
    CONSTRAINT "Parent Table_pkey" PRIMARY KEY (id)
);
CREATE INDEX "Parent Table label idx" ON "My ""Quoted"" Schema"."Parent Table" (label);
GRANT SELECT ON "My ""Quoted"" Schema"."Parent Table" TO dbops_reader;

CREATE FUNCTION "My ""Quoted"" Schema"."count parents"() RETURNS bigint
    LANGUAGE sql STABLE
    AS $$ SELECT count(*) FROM "My ""Quoted"" Schema"."Parent Table" WHERE colour IS NOT NULL $$;

CREATE VIEW "My ""Quoted"" Schema"."Parent View" AS
    SELECT id, colour FROM "My ""Quoted"" Schema"."Parent Table";

CREATE SCHEMA "select";
CREATE TABLE "select"."from" (
    "where" integer PRIMARY KEY,
    "group" text
);

CREATE SCHEMA "Ünïcødé 表";
COMMENT ON SCHEMA "Ünïcødé 表" IS 'Unicode schema';
CREATE TABLE "Ünïcødé 表"."größe" (
    "ß" integer PRIMARY KEY,
    "表" "My ""Quoted"" Schema"."Colour"
);

CREATE TABLE public.child (
    id        integer PRIMARY KEY,
    parent_id integer,
    CONSTRAINT child_parent_fk FOREIGN KEY (parent_id)
        REFERENCES "My ""Quoted"" Schema"."Parent Table" (id) ON DELETE CASCADE
);
