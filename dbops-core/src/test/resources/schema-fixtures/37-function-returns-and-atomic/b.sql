-- Set-returning and SQL-standard-body functions: RETURNS SETOF a table rowtype, RETURNS TABLE (column list changed -> DROP+CREATE), ROWS estimate, RETURN-expression body, BEGIN ATOMIC body changed (kept as the last statement: pgjdbc cannot split statements after BEGIN ATOMIC).
CREATE TABLE items (
    id     integer PRIMARY KEY,
    name   text NOT NULL,
    price  numeric(10,2) NOT NULL,
    active boolean NOT NULL DEFAULT true
);

CREATE FUNCTION active_items() RETURNS SETOF items
    LANGUAGE sql STABLE
    AS $$ SELECT * FROM items WHERE active ORDER BY id $$;

CREATE FUNCTION item_prices(min_price numeric)
    RETURNS TABLE (item_id integer, item_name text, item_price numeric)
    LANGUAGE plpgsql STABLE
    AS $$
BEGIN
    RETURN QUERY SELECT i.id, i.name, i.price FROM items i WHERE i.price >= min_price;
END
$$;

CREATE FUNCTION cheap_items(max_price numeric) RETURNS SETOF items
    LANGUAGE sql STABLE ROWS 50
    AS $$ SELECT * FROM items WHERE price <= max_price $$;
COMMENT ON FUNCTION cheap_items(numeric) IS 'Items at or below a price';

CREATE FUNCTION double_it(x integer) RETURNS integer
    LANGUAGE sql IMMUTABLE
    RETURN x * 3;

CREATE FUNCTION item_count() RETURNS bigint
    LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT count(*) FROM items WHERE active;
END;
