-- Undoes V1: the library without members or books.
DROP TABLE books;
DROP TABLE members;
