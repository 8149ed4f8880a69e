-- One row per order of one product by one customer.
create table orders (
    id bigint generated always as identity primary key,
    customer_id bigint not null references customers (id),
    product_id bigint not null references products (id),
    quantity integer not null check (quantity > 0),
    placed_at timestamptz not null default now()
);

-- orders is new here, so a plain CREATE INDEX blocks no one (compare V3).
create index orders_product_id_idx on orders (product_id);
