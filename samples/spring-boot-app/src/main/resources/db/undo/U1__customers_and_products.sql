-- Undoes V1: the shop without customers or products.
drop table products;
drop table customers;
