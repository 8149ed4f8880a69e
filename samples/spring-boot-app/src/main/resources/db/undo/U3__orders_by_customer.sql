-- Undoes V3 online, as V3 built the index: a plain DROP INDEX would wait for, and then block, every order being
-- placed. Like V3 it cannot run in a transaction, so it is alone in its script.
drop index concurrently orders_customer_id_idx;
