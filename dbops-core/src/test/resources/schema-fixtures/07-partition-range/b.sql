-- RANGE partitioning: partition dropped, partition detached into a plain table, bound changed, partitions added (incl. a sub-partitioned one and a DEFAULT), multi-column MINVALUE/MAXVALUE bounds, partitioned table created/dropped.
CREATE TABLE measurements (
    city_id   integer NOT NULL,
    logdate   date    NOT NULL,
    peaktemp  integer,
    unitsales integer,
    CONSTRAINT measurements_pkey PRIMARY KEY (city_id, logdate)
) PARTITION BY RANGE (logdate);
CREATE INDEX measurements_logdate_idx ON measurements (logdate);

-- 2020 is no longer a partition: it was detached and kept as an archive table
CREATE TABLE measurements_2020 (
    city_id   integer NOT NULL,
    logdate   date    NOT NULL,
    peaktemp  integer,
    unitsales integer,
    CONSTRAINT measurements_2020_pkey PRIMARY KEY (city_id, logdate)
);
CREATE INDEX measurements_2020_logdate_idx ON measurements_2020 (logdate);

-- 2021 dropped entirely
CREATE TABLE measurements_2022 PARTITION OF measurements
    FOR VALUES FROM ('2022-01-01') TO ('2023-01-01');
COMMENT ON TABLE measurements_2022 IS 'Year 2022';
-- bound changed: 2023 now covers only the first half
CREATE TABLE measurements_2023 PARTITION OF measurements
    FOR VALUES FROM ('2023-01-01') TO ('2023-07-01');
CREATE TABLE measurements_2023h2 PARTITION OF measurements
    FOR VALUES FROM ('2023-07-01') TO ('2024-01-01');
-- sub-partitioned partition
CREATE TABLE measurements_2024 PARTITION OF measurements
    FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')
    PARTITION BY HASH (city_id);
CREATE TABLE measurements_2024_h0 PARTITION OF measurements_2024
    FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE measurements_2024_h1 PARTITION OF measurements_2024
    FOR VALUES WITH (MODULUS 2, REMAINDER 1);
CREATE TABLE measurements_default PARTITION OF measurements DEFAULT;

CREATE TABLE readings (
    sensor integer   NOT NULL,
    ts     timestamp NOT NULL,
    value  double precision
) PARTITION BY RANGE (sensor, ts);
CREATE TABLE readings_low PARTITION OF readings
    FOR VALUES FROM (MINVALUE, MINVALUE) TO (100, MINVALUE);
CREATE TABLE readings_high PARTITION OF readings
    FOR VALUES FROM (100, MINVALUE) TO (MAXVALUE, MAXVALUE);

CREATE TABLE page_views (
    viewed_on date   NOT NULL,
    path      text   NOT NULL,
    hits      bigint NOT NULL DEFAULT 0
) PARTITION BY RANGE (viewed_on);
CREATE TABLE page_views_q1 PARTITION OF page_views
    FOR VALUES FROM ('2024-01-01') TO ('2024-04-01');
CREATE TABLE page_views_rest PARTITION OF page_views
    FOR VALUES FROM ('2024-04-01') TO (MAXVALUE);
CREATE INDEX page_views_path_idx ON page_views (path);
