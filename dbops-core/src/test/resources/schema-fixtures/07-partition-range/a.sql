-- RANGE partitioning: partition dropped, partition detached into a plain table, bound changed, partitions added (incl. a sub-partitioned one and a DEFAULT), multi-column MINVALUE/MAXVALUE bounds, partitioned table created/dropped.
CREATE TABLE measurements (
    city_id   integer NOT NULL,
    logdate   date    NOT NULL,
    peaktemp  integer,
    unitsales integer,
    CONSTRAINT measurements_pkey PRIMARY KEY (city_id, logdate)
) PARTITION BY RANGE (logdate);
CREATE INDEX measurements_logdate_idx ON measurements (logdate);

CREATE TABLE measurements_2020 PARTITION OF measurements
    FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
CREATE TABLE measurements_2021 PARTITION OF measurements
    FOR VALUES FROM ('2021-01-01') TO ('2022-01-01');
CREATE TABLE measurements_2022 PARTITION OF measurements
    FOR VALUES FROM ('2022-01-01') TO ('2023-01-01');
CREATE TABLE measurements_2023 PARTITION OF measurements
    FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
COMMENT ON TABLE measurements_2022 IS 'Year 2022';

CREATE TABLE readings (
    sensor integer   NOT NULL,
    ts     timestamp NOT NULL,
    value  double precision
) PARTITION BY RANGE (sensor, ts);
CREATE TABLE readings_low PARTITION OF readings
    FOR VALUES FROM (MINVALUE, MINVALUE) TO (100, MINVALUE);
CREATE TABLE readings_high PARTITION OF readings
    FOR VALUES FROM (100, MINVALUE) TO (MAXVALUE, MAXVALUE);

CREATE TABLE old_events (
    id bigint      NOT NULL,
    at timestamptz NOT NULL
) PARTITION BY RANGE (at);
CREATE TABLE old_events_2019 PARTITION OF old_events
    FOR VALUES FROM ('2019-01-01 00:00:00+00') TO ('2020-01-01 00:00:00+00');
