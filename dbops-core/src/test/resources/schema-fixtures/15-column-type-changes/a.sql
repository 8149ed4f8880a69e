-- Column type changes: typmod widening/narrowing (varchar, numeric, char, time, bit), int->bigint on a PK referenced by an FK, text->domain, text->jsonb (needs USING), real->double, date->timestamptz, int[]->bigint[], varchar->text.
CREATE DOMAIN description_text AS text CONSTRAINT description_text_len CHECK (length(VALUE) <= 2000);

CREATE TABLE products (
    id          integer PRIMARY KEY,
    code        varchar(20) NOT NULL,
    price       numeric(10,2),
    qty         integer,
    description text,
    weight      real,
    released    date,
    payload     text,
    sizes       integer[],
    title       varchar(100),
    short_name  text,
    country     char(2),
    opens_at    time(3),
    flags       bit(8)
);
CREATE INDEX products_code_idx ON products (code);

CREATE TABLE order_lines (
    id         integer PRIMARY KEY,
    product_id integer NOT NULL,
    CONSTRAINT order_lines_product_fk FOREIGN KEY (product_id) REFERENCES products (id)
);
