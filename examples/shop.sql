-- A small shop schema used by the README's first command: `./dbops inspect --url embedded --init examples/shop.sql`.
create schema shop;
comment on schema shop is 'Orders and the customers who place them';

create type shop.order_status as enum ('pending', 'paid', 'shipped', 'cancelled');
create domain shop.email as text check (value ~ '^[^@]+@[^@]+$');

create table shop.customers (
    id bigint generated always as identity primary key,
    email shop.email not null unique,
    name varchar(200) not null,
    created_at timestamptz not null default now()
);
comment on table shop.customers is 'People who can place orders';

create table shop.orders (
    id bigint generated always as identity primary key,
    customer_id bigint not null references shop.customers (id) on delete restrict,
    status shop.order_status not null default 'pending',
    total numeric(12, 2) not null check (total >= 0),
    placed_at timestamptz not null default now()
);
create index orders_customer_id_idx on shop.orders (customer_id);
create index orders_open_idx on shop.orders (placed_at) where status in ('pending', 'paid');

create view shop.open_orders as
    select o.id, c.email, o.total, o.placed_at
    from shop.orders o join shop.customers c on c.id = o.customer_id
    where o.status in ('pending', 'paid');
