-- Column type change under dependants: views (and a view on a view), a materialized view with an index, and a BEGIN ATOMIC function all read columns whose type changes; their text is unchanged, so the plan must drop and recreate them (keeping comments and grants).
CREATE TABLE prices (
    id       integer PRIMARY KEY,
    sku      varchar(20) NOT NULL,
    amount   numeric(10,2) NOT NULL,
    currency char(3) NOT NULL
);

CREATE VIEW price_list AS
    SELECT id, sku, amount FROM prices;
COMMENT ON VIEW price_list IS 'Public price list';
GRANT SELECT ON price_list TO dbops_reader;

CREATE VIEW price_list_big AS
    SELECT id, sku, amount FROM price_list WHERE amount > 100;

CREATE VIEW price_ids AS
    SELECT id, currency FROM prices;

CREATE MATERIALIZED VIEW price_stats AS
    SELECT currency, max(amount) AS max_amount, count(*) AS n
    FROM prices
    GROUP BY currency;
CREATE UNIQUE INDEX price_stats_currency_uq ON price_stats (currency);

CREATE FUNCTION price_of(p_id integer) RETURNS numeric
    LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT amount FROM prices WHERE id = p_id;
END;
