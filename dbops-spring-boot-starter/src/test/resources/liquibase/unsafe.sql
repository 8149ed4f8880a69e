--liquibase formatted sql

--changeset dbops:3
create index orders_customer_id_idx on orders (customer_id);
