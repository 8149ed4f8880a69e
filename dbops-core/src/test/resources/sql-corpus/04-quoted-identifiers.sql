-- statements: 5
-- Quoted identifiers holding semicolons, doubled quotes and keywords; Unicode-escaped identifiers.
CREATE TABLE "quoted;table" ("semi;colon" int, "quote""inside" text, "end" int, "CamelCase" int);
CREATE TABLE U&"uni\0063ode;" (U&"\0041;" int);
INSERT INTO "quoted;table" VALUES (1, 'x', 2, 3);
CREATE VIEW "view;name" AS SELECT "semi;colon", "quote""inside" AS ";", q.end FROM "quoted;table" q;
COMMENT ON COLUMN "quoted;table"."semi;colon" IS 'has a ; in its name'
