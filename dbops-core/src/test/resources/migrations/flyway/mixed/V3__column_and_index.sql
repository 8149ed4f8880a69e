ALTER TABLE items ADD COLUMN name text;
CREATE INDEX CONCURRENTLY items_name_idx ON items (name);
