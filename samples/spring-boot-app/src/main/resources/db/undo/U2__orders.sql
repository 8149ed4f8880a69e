-- Undoes V2; its index orders_product_id_idx goes with the table.
drop table orders;
