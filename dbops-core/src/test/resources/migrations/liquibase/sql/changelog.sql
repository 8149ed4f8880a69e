--liquibase formatted sql

--changeset grace:s1
--comment: the table and its first column
CREATE TABLE invoices (id bigint PRIMARY KEY);
--rollback DROP TABLE invoices;
ALTER TABLE invoices ADD COLUMN amount numeric;

--changeset grace:s2 runInTransaction:false
--ignoreLines:1
THIS LINE IS HIDDEN FROM LIQUIBASE;
CREATE INDEX CONCURRENTLY invoices_amount_idx ON invoices (amount);
