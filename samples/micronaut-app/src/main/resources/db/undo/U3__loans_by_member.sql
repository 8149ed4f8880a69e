-- Undoes V3 online, as V3 built the index: a plain DROP INDEX would wait for, and then block, every loan being
-- recorded. Like V3 it cannot run in a transaction, so it is alone in its script.
DROP INDEX CONCURRENTLY loans_member_id_idx;
