-- A = B exactly (identical files): the kitchen sink with many object kinds; the diff must be empty in both directions.
CREATE EXTENSION IF NOT EXISTS citext;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE EXTENSION IF NOT EXISTS hstore;
CREATE EXTENSION IF NOT EXISTS pgcrypto;
COMMENT ON EXTENSION hstore IS 'Kitchen sink: key/value store';

-- schemas
CREATE SCHEMA ks;
COMMENT ON SCHEMA ks IS 'Kitchen sink';
CREATE SCHEMA "KS ""Odd"" Schema" AUTHORIZATION dbops_owner;
COMMENT ON SCHEMA "KS ""Odd"" Schema" IS 'Nasty schema name';
GRANT USAGE ON SCHEMA ks TO dbops_reader, dbops_writer, dbops_app;
GRANT CREATE ON SCHEMA ks TO dbops_owner;

-- default privileges
ALTER DEFAULT PRIVILEGES IN SCHEMA ks GRANT SELECT ON TABLES TO dbops_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA ks GRANT USAGE ON SEQUENCES TO dbops_writer;
ALTER DEFAULT PRIVILEGES FOR ROLE dbops_owner REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

-- types
CREATE TYPE ks.status AS ENUM ('draft', 'active', 'archived', 'it''s complicated');
COMMENT ON TYPE ks.status IS 'Lifecycle';
ALTER TYPE ks.status OWNER TO dbops_owner;

CREATE DOMAIN ks.email AS citext
    CONSTRAINT email_format CHECK (VALUE ~ '^[^@\s]+@[^@\s]+$');
COMMENT ON DOMAIN ks.email IS 'Case-insensitive e-mail';
CREATE DOMAIN ks.work_email AS ks.email
    CONSTRAINT work_email_domain CHECK (VALUE::text LIKE '%@example.com');
CREATE DOMAIN ks.positive AS numeric(12,2) NOT NULL DEFAULT 0
    CONSTRAINT positive_chk CHECK (VALUE >= 0);
COMMENT ON CONSTRAINT positive_chk ON DOMAIN ks.positive IS 'Never negative';
ALTER DOMAIN ks.positive ADD CONSTRAINT positive_small CHECK (VALUE < 1000000) NOT VALID;

CREATE TYPE ks.address AS (
    street text,
    city   text COLLATE "C",
    zip    varchar(10)
);
COMMENT ON TYPE ks.address IS 'Postal address';
COMMENT ON COLUMN ks.address.zip IS 'Postal code';

CREATE TYPE ks.floatrange AS RANGE (
    subtype = float8,
    subtype_diff = float8mi,
    multirange_type_name = ks.float_multi
);
COMMENT ON TYPE ks.floatrange IS 'Range of doubles';

-- sequences
CREATE SEQUENCE ks.invoice_no AS integer START WITH 1000 INCREMENT BY 10 MINVALUE 1000 MAXVALUE 99999999 CACHE 5 CYCLE;
COMMENT ON SEQUENCE ks.invoice_no IS 'Invoice numbers';
GRANT USAGE, SELECT ON SEQUENCE ks.invoice_no TO dbops_app;

-- functions used by defaults, checks and generated columns
CREATE FUNCTION ks.slugify(t text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT trim(both '-' from regexp_replace(lower(t), '[^a-z0-9]+', '-', 'g')) $$;
COMMENT ON FUNCTION ks.slugify(text) IS 'URL slug';

CREATE FUNCTION ks.new_code() RETURNS text
    LANGUAGE sql VOLATILE
    AS $$ SELECT encode(gen_random_bytes(6), 'hex') $$;
REVOKE EXECUTE ON FUNCTION ks.new_code() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ks.new_code() TO dbops_app;

CREATE FUNCTION ks.add(a integer, b integer) RETURNS integer
    LANGUAGE sql IMMUTABLE RETURN a + b;
CREATE FUNCTION ks.add(a numeric, b numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE RETURN a + b;

-- tables
CREATE TABLE ks.customers (
    id         bigint GENERATED ALWAYS AS IDENTITY (START WITH 100 INCREMENT BY 1 CACHE 10) PRIMARY KEY,
    email      ks.email NOT NULL,
    name       text COLLATE "C" NOT NULL,
    code       text NOT NULL DEFAULT ks.new_code(),
    status     ks.status NOT NULL DEFAULT 'draft',
    home       ks.address,
    prefs      hstore,
    created_at timestamptz NOT NULL DEFAULT now(),
    slug       text GENERATED ALWAYS AS (ks.slugify(name)) STORED,
    CONSTRAINT customers_email_key UNIQUE NULLS NOT DISTINCT (email),
    CONSTRAINT customers_code_key UNIQUE (code) DEFERRABLE INITIALLY DEFERRED
) WITH (fillfactor = 85, autovacuum_enabled = true);
COMMENT ON TABLE ks.customers IS 'Customers';
COMMENT ON COLUMN ks.customers.slug IS 'Derived from name';
COMMENT ON CONSTRAINT customers_email_key ON ks.customers IS 'One account per address';
CREATE INDEX customers_name_trgm ON ks.customers USING gin (name gin_trgm_ops);
CREATE INDEX customers_created_brin ON ks.customers USING brin (created_at) WITH (pages_per_range = 32);
CREATE INDEX customers_lower_name ON ks.customers (lower(name) text_pattern_ops) WHERE status <> 'archived';
COMMENT ON INDEX ks.customers_lower_name IS 'Prefix search on active customers';
ALTER TABLE ks.customers REPLICA IDENTITY FULL;
GRANT SELECT, INSERT, UPDATE ON ks.customers TO dbops_writer WITH GRANT OPTION;
GRANT SELECT (id, name), UPDATE (status) ON ks.customers TO "Role With Space";

CREATE TABLE ks.orders (
    id          bigserial PRIMARY KEY,
    customer_id bigint NOT NULL,
    invoice_no  integer DEFAULT nextval('ks.invoice_no'),
    amount      ks.positive,
    tax_rate    numeric(5,4) NOT NULL DEFAULT 0.19,
    total       numeric GENERATED ALWAYS AS (amount * (1 + tax_rate)) STORED,
    placed_at   timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    note        varchar(200),
    CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id)
        REFERENCES ks.customers (id) ON DELETE CASCADE ON UPDATE RESTRICT DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT orders_note_chk CHECK (note <> '') NOT VALID
);
CREATE INDEX orders_customer_idx ON ks.orders (customer_id, placed_at DESC NULLS FIRST) INCLUDE (amount);
CREATE INDEX orders_note_hash ON ks.orders USING hash (note);
ALTER SEQUENCE ks.invoice_no OWNED BY ks.orders.invoice_no;

CREATE TABLE ks.order_lines (
    order_id bigint  NOT NULL,
    line_no  integer NOT NULL,
    sku      text    NOT NULL,
    qty      integer NOT NULL CHECK (qty > 0),
    CONSTRAINT order_lines_pkey PRIMARY KEY (order_id, line_no),
    CONSTRAINT order_lines_order_fk FOREIGN KEY (order_id) REFERENCES ks.orders (id) MATCH FULL ON DELETE CASCADE
);

CREATE TABLE ks.rooms (
    id     integer PRIMARY KEY,
    during tstzrange NOT NULL,
    band   ks.floatrange,
    CONSTRAINT rooms_no_overlap EXCLUDE USING gist (id WITH =, during WITH &&)
);
CREATE INDEX rooms_band_gist ON ks.rooms USING gist (band);

CREATE UNLOGGED TABLE ks.cache (
    key   text PRIMARY KEY,
    value jsonb
);
CREATE INDEX cache_value_gin ON ks.cache USING gin (value jsonb_path_ops);

CREATE TABLE ks.base_items (
    id   integer NOT NULL,
    name text,
    CONSTRAINT base_items_name_chk CHECK (name <> '')
);
CREATE TABLE ks.special_items (
    extra text
) INHERITS (ks.base_items);

CREATE TABLE ks.events (
    id      bigint NOT NULL,
    day     date   NOT NULL,
    region  text   NOT NULL,
    payload jsonb,
    CONSTRAINT events_pkey PRIMARY KEY (id, day, region)
) PARTITION BY RANGE (day);
CREATE TABLE ks.events_2024 PARTITION OF ks.events
    FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')
    PARTITION BY LIST (region);
CREATE TABLE ks.events_2024_eu PARTITION OF ks.events_2024 FOR VALUES IN ('eu');
CREATE TABLE ks.events_2024_rest PARTITION OF ks.events_2024 DEFAULT;
CREATE TABLE ks.events_2025 PARTITION OF ks.events
    FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE ks.events_default PARTITION OF ks.events DEFAULT;
CREATE INDEX events_day_idx ON ks.events (day);

CREATE TABLE ks.buckets (
    id  integer NOT NULL,
    val text
) PARTITION BY HASH (id);
CREATE TABLE ks.buckets_0 PARTITION OF ks.buckets FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE ks.buckets_1 PARTITION OF ks.buckets FOR VALUES WITH (MODULUS 2, REMAINDER 1);

CREATE TABLE "KS ""Odd"" Schema"."order items" (
    "we""ird" integer PRIMARY KEY,
    "größe"   numeric,
    "select"  text,
    "表"      text
);
COMMENT ON TABLE "KS ""Odd"" Schema"."order items" IS 'Nasty names';
ALTER TABLE "KS ""Odd"" Schema"."order items" OWNER TO dbops_owner;

-- row level security
CREATE TABLE ks.documents (
    id         integer PRIMARY KEY,
    owner_name text NOT NULL DEFAULT current_user,
    published  boolean NOT NULL DEFAULT false
);
ALTER TABLE ks.documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE ks.documents FORCE ROW LEVEL SECURITY;
CREATE POLICY documents_own ON ks.documents
    FOR ALL TO dbops_app
    USING (owner_name = current_user)
    WITH CHECK (owner_name = current_user);
CREATE POLICY documents_read ON ks.documents
    AS RESTRICTIVE FOR SELECT TO dbops_reader, "Role With Space"
    USING (published);
COMMENT ON POLICY documents_read ON ks.documents IS 'Readers see published documents only';

-- views
CREATE VIEW ks.active_customers WITH (security_barrier = true) AS
    SELECT id, email, name FROM ks.customers WHERE status = 'active';
COMMENT ON VIEW ks.active_customers IS 'Active customers';
COMMENT ON COLUMN ks.active_customers.email IS 'Contact';
CREATE VIEW ks.active_customer_names AS
    SELECT id, name FROM ks.active_customers
    WITH CASCADED CHECK OPTION;
CREATE VIEW ks.customer_totals WITH (security_invoker = true) AS
    SELECT c.id, c.name, sum(o.total) AS total
    FROM ks.customers c LEFT JOIN ks.orders o ON o.customer_id = c.id
    GROUP BY c.id, c.name;
ALTER VIEW ks.customer_totals OWNER TO dbops_owner;
GRANT SELECT ON ks.customer_totals TO dbops_reader;

CREATE MATERIALIZED VIEW ks.daily_orders AS
    SELECT placed_at::date AS day, count(*) AS n, sum(total) AS total
    FROM ks.orders
    GROUP BY 1;
CREATE UNIQUE INDEX daily_orders_day_uq ON ks.daily_orders (day);
COMMENT ON MATERIALIZED VIEW ks.daily_orders IS 'Orders per day';

-- functions, procedures, triggers
CREATE FUNCTION ks.customer_orders(p_customer bigint) RETURNS SETOF ks.orders
    LANGUAGE sql STABLE ROWS 20
    AS $$ SELECT * FROM ks.orders WHERE customer_id = p_customer $$;

CREATE FUNCTION ks.top_customers(n integer DEFAULT 10)
    RETURNS TABLE (customer_id bigint, total numeric)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = ks, pg_temp
    AS $$
BEGIN
    RETURN QUERY
        SELECT o.customer_id, sum(o.total)
        FROM ks.orders o
        GROUP BY o.customer_id
        ORDER BY 2 DESC
        LIMIT n;
END
$$;
ALTER FUNCTION ks.top_customers(integer) OWNER TO dbops_owner;

CREATE PROCEDURE ks.archive_customer(p_id bigint)
    LANGUAGE plpgsql
    AS $$
BEGIN
    UPDATE ks.customers SET status = 'archived' WHERE id = p_id;
END
$$;
COMMENT ON PROCEDURE ks.archive_customer(bigint) IS 'Soft delete';

CREATE FUNCTION ks.touch() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.placed_at := now();
    RETURN NEW;
END
$$;
CREATE FUNCTION ks.check_lines() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM ks.order_lines WHERE order_id = NEW.id) THEN
        RAISE NOTICE 'order % has no lines', NEW.id;
    END IF;
    RETURN NULL;
END
$$;
CREATE FUNCTION ks.log_stmt() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN RAISE NOTICE '% on %', TG_OP, TG_TABLE_NAME; RETURN NULL; END $$;

CREATE TRIGGER orders_touch
    BEFORE UPDATE OF amount, tax_rate ON ks.orders
    FOR EACH ROW
    WHEN (OLD.amount IS DISTINCT FROM NEW.amount)
    EXECUTE FUNCTION ks.touch();
COMMENT ON TRIGGER orders_touch ON ks.orders IS 'Re-stamp on amount change';
CREATE CONSTRAINT TRIGGER orders_lines_chk
    AFTER INSERT ON ks.orders
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION ks.check_lines();
CREATE TRIGGER orders_stmt
    AFTER INSERT OR DELETE ON ks.orders
    FOR EACH STATEMENT EXECUTE FUNCTION ks.log_stmt();
ALTER TABLE ks.orders DISABLE TRIGGER orders_stmt;

-- remaining grants and ownership
GRANT SELECT, INSERT, UPDATE, DELETE ON ks.orders, ks.order_lines TO dbops_writer;
GRANT USAGE ON TYPE ks.status TO dbops_app;
CREATE SEQUENCE ks.ticket_seq;
ALTER SEQUENCE ks.ticket_seq OWNER TO dbops_app;

-- SQL-standard body last: pgjdbc does not split statements after a BEGIN ATOMIC body
CREATE FUNCTION ks.order_count(p_customer bigint) RETURNS bigint
    LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT count(*) FROM ks.orders WHERE customer_id = p_customer;
END;
