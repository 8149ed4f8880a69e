--liquibase formatted sql

--changeset shop:3
CREATE INDEX invoices_account_id ON invoices (account_id);
