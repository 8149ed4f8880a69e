CREATE INDEX CONCURRENTLY items_sku_idx ON items (sku);
