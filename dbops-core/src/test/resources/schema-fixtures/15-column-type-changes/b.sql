-- Column type changes: typmod widening/narrowing (varchar, numeric, char, time, bit), int->bigint on a PK referenced by an FK, text->domain, text->jsonb (needs USING), real->double, date->timestamptz, int[]->bigint[], varchar->text.
CREATE DOMAIN description_text AS text CONSTRAINT description_text_len CHECK (length(VALUE) <= 2000);

CREATE TABLE products (
    id          bigint PRIMARY KEY,
    code        varchar(50) NOT NULL,
    price       numeric(12,4),
    qty         bigint,
    description description_text,
    weight      double precision,
    released    timestamptz,
    payload     jsonb,
    sizes       bigint[],
    title       text,
    short_name  varchar(30),
    country     char(3),
    opens_at    time(6),
    flags       bit varying(16)
);
CREATE INDEX products_code_idx ON products (code);

CREATE TABLE order_lines (
    id         integer PRIMARY KEY,
    product_id bigint NOT NULL,
    CONSTRAINT order_lines_product_fk FOREIGN KEY (product_id) REFERENCES products (id)
);
