-- Builds the index with a SHARE lock on a live table: writes wait for the whole build.
create index orders_customer_id_idx on orders (customer_id);
