--liquibase formatted sql

--changeset dave:all-1
ALTER TABLE users ADD COLUMN active boolean;
