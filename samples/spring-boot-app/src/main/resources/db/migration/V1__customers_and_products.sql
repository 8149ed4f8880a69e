-- The shop's customers and what it sells.
create table customers (
    id bigint generated always as identity primary key,
    name text not null,
    email text not null unique,
    created_at timestamptz not null default now()
);

create table products (
    id bigint generated always as identity primary key,
    sku text not null unique,
    name text not null,
    price_cents bigint not null check (price_cents >= 0)
);
