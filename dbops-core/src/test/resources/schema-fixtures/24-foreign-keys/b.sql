-- FOREIGN KEYs: ON DELETE CASCADE/SET NULL/SET DEFAULT/RESTRICT, ON UPDATE, MATCH FULL composite FK, DEFERRABLE INITIALLY DEFERRED/IMMEDIATE, FK to a UNIQUE (non-PK) key, self-reference, cross-schema, PG15 ON DELETE SET NULL (column list), FKs added/dropped/changed.
CREATE SCHEMA crm;
CREATE TABLE crm.customers (
    id integer PRIMARY KEY
);

CREATE TABLE products (
    id  integer PRIMARY KEY,
    sku text NOT NULL,
    CONSTRAINT products_sku_key UNIQUE (sku)
);

CREATE TABLE orders (
    id          integer PRIMARY KEY,
    customer_id integer DEFAULT 0,
    CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id)
        REFERENCES crm.customers (id) ON DELETE SET NULL ON UPDATE CASCADE
);

CREATE TABLE order_items (
    order_id    integer NOT NULL,
    line_no     integer NOT NULL,
    product_id  integer NOT NULL,
    product_sku text,
    CONSTRAINT order_items_pkey PRIMARY KEY (order_id, line_no),
    CONSTRAINT order_items_order_fk FOREIGN KEY (order_id)
        REFERENCES orders (id) ON DELETE CASCADE,
    CONSTRAINT order_items_product_fk FOREIGN KEY (product_id)
        REFERENCES products (id) ON DELETE NO ACTION DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT order_items_sku_fk FOREIGN KEY (product_sku)
        REFERENCES products (sku) ON UPDATE CASCADE ON DELETE SET DEFAULT
);

CREATE TABLE shipments (
    id       integer PRIMARY KEY,
    order_id integer,
    line_no  integer,
    CONSTRAINT shipments_item_fk FOREIGN KEY (order_id, line_no)
        REFERENCES order_items (order_id, line_no) MATCH FULL ON DELETE CASCADE ON UPDATE RESTRICT
);

CREATE TABLE categories (
    id        integer PRIMARY KEY,
    parent_id integer,
    CONSTRAINT categories_parent_fk FOREIGN KEY (parent_id)
        REFERENCES categories (id) ON DELETE SET NULL
);

CREATE TABLE employees (
    tenant_id  integer NOT NULL,
    id         integer NOT NULL,
    manager_id integer,
    CONSTRAINT employees_pkey PRIMARY KEY (tenant_id, id),
    CONSTRAINT employees_manager_fk FOREIGN KEY (tenant_id, manager_id)
        REFERENCES employees (tenant_id, id) ON DELETE SET NULL (manager_id)
);
