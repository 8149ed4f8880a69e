package dev.dbops.benchmarks;

import dev.dbops.postgres.PostgresDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Fills a database with about {@code gigabytes} GB of mixed data for the backup benchmark: five tables
 * of different shapes (narrow and wide rows, jsonb, json, arrays, bytea, large text), with primary keys
 * and secondary indexes, so that dump, restore, index builds and hashing all do real work.
 */
final class BackupData {

    private BackupData() {
    }

    /** Creates and fills the tables; returns {@code pg_database_size} after {@code VACUUM ANALYZE} and a checkpoint. */
    static long generate(PostgresDatabase database, double gigabytes) throws Exception {
        long unit = Math.max(1, Math.round(gigabytes * 1_000_000));
        String sql = """
                create table events (id bigint primary key, at timestamptz not null, user_id int not null,
                    kind text not null, amount numeric(12,2), payload jsonb);
                insert into events select g, timestamptz '2024-01-01' + g * interval '1 second', g %% 100000,
                    (array['view','click','buy','refund'])[1 + g %% 4], (g %% 10000) / 100.0,
                    jsonb_build_object('session', md5(g::text), 'n', g %% 97, 'ok', g %% 2 = 0)
                from generate_series(1, %d) g;
                create index events_user_idx on events (user_id, at);
                create table users (id int primary key, email text not null, name text, born date,
                    flags boolean[], score double precision, uid uuid);
                insert into users select g, 'user' || g || '@example.com', 'Name ' || md5(g::text),
                    date '1950-01-01' + g %% 20000, array[g %% 2 = 0, g %% 3 = 0], g / 7.0, md5(g::text)::uuid
                from generate_series(1, %d) g;
                create index users_email_idx on users (email);
                create table documents (id int primary key, title text, body text, tags text[]);
                insert into documents select g, 'Document ' || g,
                    repeat(md5(g::text) || ' ' || md5((g + 1)::text) || E'\\n', 12), array['t' || g %% 50, 't' || g %% 7]
                from generate_series(1, %d) g;
                create table blobs (id int primary key, data bytea);
                insert into blobs select g, decode(repeat(md5(g::text) || md5((-g)::text), 24), 'hex')
                from generate_series(1, %d) g;
                create table legacy (id int primary key, doc json, note text);
                insert into legacy select g, json_build_object('k', g, 'v', md5(g::text)), 'note ' || g
                from generate_series(1, %d) g;
                """.formatted(unit * 4, unit / 2, unit / 4, unit / 5, unit / 2);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
            statement.execute("vacuum analyze");
            // No background writing left to be counted as the CPU time of what is measured next.
            statement.execute("checkpoint");
            try (ResultSet rs = statement.executeQuery("select pg_database_size(current_database())")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
