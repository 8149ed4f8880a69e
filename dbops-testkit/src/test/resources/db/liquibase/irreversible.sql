--liquibase formatted sql

--changeset ann:1
CREATE TABLE customers (id bigint PRIMARY KEY, name text);
--rollback DROP TABLE customers;

--changeset ann:2
ALTER TABLE customers ADD COLUMN email text;
CREATE INDEX customers_email_idx ON customers (email);
--rollback DROP INDEX customers_email_idx;
