-- Undoes V2; its index loans_book_id_idx goes with the table.
DROP TABLE loans;
