-- ${flyway:filename}
CREATE TABLE orders (
    id bigint PRIMARY KEY,
    ${owner_column} bigint NOT NULL REFERENCES users (id)
);
