-- A schema with the problems `dbops audit` finds, for trying it out:
--   ./dbops audit --url embedded --init examples/audit-demo.sql
create schema shop;

create table shop.customers (
    id bigint generated always as identity primary key,
    email text not null
);
create unique index customers_email_key on shop.customers (email);
create index customers_email_idx on shop.customers (email);          -- duplicate-index of the unique one

create table shop.orders (
    id serial primary key,                                            -- an integer sequence…
    customer_id bigint not null references shop.customers (id),       -- foreign-key-without-index
    placed_at timestamptz not null default now()
);
create index orders_placed_at_idx on shop.orders (placed_at);
create index orders_placed_at_id_idx on shop.orders (placed_at, id);  -- makes the one above redundant-index

create table shop.audit_log (                                         -- table-without-primary-key
    at timestamptz not null default now(),
    message text
);

insert into shop.customers (email) select 'c' || g || '@example.com' from generate_series(1, 100) g;
insert into shop.orders (customer_id) select g % 100 + 1 from generate_series(1, 1000) g;
select setval('shop.orders_id_seq', 2000000000);                      -- …93% used: sequence-exhaustion
analyze;
