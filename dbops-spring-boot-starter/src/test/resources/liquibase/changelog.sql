--liquibase formatted sql

--changeset dbops:1
create table customers (
    id bigint generated always as identity primary key,
    name text not null,
    email text not null
);

--changeset dbops:2
create table orders (
    id bigint generated always as identity primary key,
    customer_id bigint not null references customers (id)
);
