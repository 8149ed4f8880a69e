CREATE TABLE orders (
    id integer PRIMARY KEY,
    user_id bigint NOT NULL,
    total numeric(10, 2) NOT NULL
);
