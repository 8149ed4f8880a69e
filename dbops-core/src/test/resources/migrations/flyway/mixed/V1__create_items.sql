CREATE TABLE items (id bigint PRIMARY KEY, sku text NOT NULL);
