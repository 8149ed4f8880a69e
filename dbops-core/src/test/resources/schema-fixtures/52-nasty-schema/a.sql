-- Schemas with nasty names ("My ""Quoted"" Schema", "Ünïcødé 表", "select") holding tables, sequences with regclass defaults, enums, functions, views, FKs and grants that cross schemas; schema added, dropped, renamed-equivalent (drop+create), objects changed.
CREATE SCHEMA "My ""Quoted"" Schema";
COMMENT ON SCHEMA "My ""Quoted"" Schema" IS 'Quoted schema';

CREATE SEQUENCE "My ""Quoted"" Schema"."ids seq";

CREATE TYPE "My ""Quoted"" Schema"."Colour" AS ENUM ('Red', 'Green');

CREATE TABLE "My ""Quoted"" Schema"."Parent Table" (
    id     integer NOT NULL DEFAULT nextval('"My ""Quoted"" Schema"."ids seq"'::regclass),
    colour "My ""Quoted"" Schema"."Colour",
    CONSTRAINT "Parent Table_pkey" PRIMARY KEY (id)
);

CREATE FUNCTION "My ""Quoted"" Schema"."count parents"() RETURNS bigint
    LANGUAGE sql STABLE
    AS $$ SELECT count(*) FROM "My ""Quoted"" Schema"."Parent Table" $$;

CREATE SCHEMA "select";
CREATE TABLE "select"."from" (
    "where" integer PRIMARY KEY
);

CREATE SCHEMA "going away";
CREATE TABLE "going away".t (
    id integer
);

CREATE TABLE public.child (
    id        integer PRIMARY KEY,
    parent_id integer,
    CONSTRAINT child_parent_fk FOREIGN KEY (parent_id)
        REFERENCES "My ""Quoted"" Schema"."Parent Table" (id)
);
