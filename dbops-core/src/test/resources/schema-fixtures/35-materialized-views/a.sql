-- Materialized views: added, dropped, definition changed (its indexes and comment must be re-created), unchanged matview with an index changed/added, matview on a matview, storage parameter, matview and matview-column comments.
CREATE TABLE sales (
    id      integer PRIMARY KEY,
    region  text NOT NULL,
    amount  numeric(12,2) NOT NULL,
    sold_at date NOT NULL
);

CREATE MATERIALIZED VIEW sales_by_region AS
    SELECT region, sum(amount) AS total
    FROM sales
    GROUP BY region;
CREATE UNIQUE INDEX sales_by_region_region_uq ON sales_by_region (region);
COMMENT ON MATERIALIZED VIEW sales_by_region IS 'Totals per region';

CREATE MATERIALIZED VIEW sales_daily AS
    SELECT sold_at, sum(amount) AS total
    FROM sales
    GROUP BY sold_at;
CREATE INDEX sales_daily_sold_at_idx ON sales_daily (sold_at);

CREATE MATERIALIZED VIEW old_mv AS
    SELECT count(*) AS n FROM sales;
