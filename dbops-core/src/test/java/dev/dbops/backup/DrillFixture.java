package dev.dbops.backup;

import dev.dbops.postgres.PostgresConnector;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import dev.dbops.postgres.PostgresServer;
import dev.dbops.postgres.PostgresUrl;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Source databases with data of many types, and helpers to look at and change databases, for drill tests. */
final class DrillFixture {

    static final PostgresServer SERVER = PostgresProvider.shared();

    /** A schema with most column types, NULLs, large values, a partitioned table, sequences, a view and a matview. */
    static final String MANY_TYPES = """
            create schema shop;
            create type shop.status as enum ('new', 'paid', 'shipped');
            create domain shop.positive as numeric(12,2) check (value > 0);
            create table shop.customers (
                id bigint generated always as identity primary key,
                email text not null unique,
                name text,
                photo bytea,
                tags text[],
                profile jsonb,
                born date,
                created_at timestamptz not null default now(),
                balance numeric(20,6),
                score double precision,
                active boolean,
                uid uuid,
                wake time,
                nap interval,
                ip inet,
                nums int[]
            );
            create table shop.orders (
                id bigserial primary key,
                customer_id bigint not null references shop.customers (id),
                status shop.status not null default 'new',
                total shop.positive,
                note text,
                raw json,
                fee money,
                placed_at timestamp
            );
            create index orders_customer_idx on shop.orders (customer_id);
            create table shop.events (id int not null, at date not null, payload text) partition by range (at);
            create table shop.events_2024 partition of shop.events for values from ('2024-01-01') to ('2025-01-01');
            create table shop.events_2025 partition of shop.events for values from ('2025-01-01') to ('2026-01-01');
            create table public.empty_table (id int primary key);
            create sequence public.invoice_numbers start 1000 increment 7;
            create view shop.big_orders as select * from shop.orders where total > 100;
            create materialized view shop.order_counts as select customer_id, count(*) from shop.orders group by 1;
            insert into shop.customers (email, name, photo, tags, profile, born, balance, score, active, uid, wake,
                    nap, ip, nums)
            select 'c' || g || '@example.com',
                   case when g % 5 = 0 then null else 'Name ' || g || ' ünïcödé ''quoted'' \\back' end,
                   case when g % 3 = 0 then null else decode(md5(g::text) || '00ff', 'hex') end,
                   case when g % 4 = 0 then null else array['a' || g, null, 'x,y', '{}'] end,
                   case when g % 6 = 0 then null else jsonb_build_object('g', g, 'nested', jsonb_build_array(1.5, 'two', null)) end,
                   date '1970-01-01' + g,
                   g * 1.000001,
                   case when g = 1 then 'NaN'::float8 when g = 2 then '-Infinity' when g = 3 then -0.0 else g / 3.0 end,
                   case when g % 7 = 0 then null else g % 2 = 0 end,
                   md5(g::text)::uuid,
                   time '04:05:06.789' + g * interval '1 second',
                   g * interval '1 day 2 hours 3.5 seconds',
                   ('10.0.' || (g % 256) || '.1')::inet,
                   array[g, -g]
            from generate_series(1, 3000) g;
            insert into shop.customers (email, name) values ('big@example.com', repeat('large text ', 50000));
            insert into shop.orders (customer_id, status, total, note, raw, fee, placed_at)
            select 1 + g % 3000, (array['new', 'paid', 'shipped'])[1 + g % 3]::shop.status, 0.01 + g % 500,
                   case when g % 9 = 0 then null else 'note ' || g end,
                   case when g % 2 = 0 then null else json_build_object('k', g) end,
                   g * 0.25,
                   timestamp '2024-01-01 00:00:00' + g * interval '1 minute'
            from generate_series(1, 5000) g;
            insert into shop.events select g, date '2024-06-01' + (g % 400), 'event ' || g from generate_series(1, 2000) g;
            refresh materialized view shop.order_counts;
            select nextval('public.invoice_numbers') from generate_series(1, 3);
            """;

    private DrillFixture() {
    }

    /** A new database on the shared server with the many-types schema and data. */
    static PostgresDatabase manyTypes() throws SQLException {
        PostgresDatabase database = SERVER.createDatabase();
        execute(database.url(), MANY_TYPES);
        return database;
    }

    static void execute(PostgresUrl url, String sql) throws SQLException {
        try (Connection connection = PostgresConnector.open(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static long count(PostgresUrl url, String sql) throws SQLException {
        try (Connection connection = PostgresConnector.open(url); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every database on the shared server whose comment marks it as a drill's scratch database. */
    static List<String> scratchDatabases() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = PostgresConnector.open(SERVER.adminUrl());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select datname from pg_database where datname like 'dbops_drill%'"
                        + " or pg_catalog.shobj_description(oid, 'pg_database') like 'dbops backup drill%'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
