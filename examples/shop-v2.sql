-- The next release of examples/shop.sql, as a migration would make it: used by the README's diff example.
alter table shop.customers alter column name type varchar(300);
alter table shop.orders add column shipped_at timestamptz;
alter table shop.orders add constraint orders_shipped_after_placed check (shipped_at >= placed_at);
create index orders_shipped_at_idx on shop.orders (shipped_at);
comment on column shop.orders.shipped_at is 'When the parcel left the warehouse';
