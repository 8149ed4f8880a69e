create table orders (
    id bigint generated always as identity primary key,
    customer_id bigint not null references customers (id),
    placed_at timestamptz not null default now()
);
