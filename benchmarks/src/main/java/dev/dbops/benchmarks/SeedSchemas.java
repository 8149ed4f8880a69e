package dev.dbops.benchmarks;

/**
 * The schemas the seeding benchmark fills, and the peer's {@code INSERT … SELECT} statements that make
 * the server generate comparable rows for the same tables (same columns, keys, foreign keys and checks).
 */
final class SeedSchemas {

    /** A narrow table: a key, a foreign-key-like integer, an amount and a timestamp. */
    static final String NARROW = """
            create schema bench;
            create table bench.ticks (
                id bigint primary key,
                account_id int not null,
                amount numeric(12,2) not null,
                at timestamptz not null
            );
            """;

    /** Five tables: wide customers and products, orders, order items (a join table) and payments (1:1). */
    static final String SHOP = """
            create type bench.tier as enum ('free', 'plus', 'pro', 'enterprise');
            create type bench.status as enum ('new', 'paid', 'shipped', 'returned');
            create type bench.method as enum ('card', 'transfer', 'wallet');
            create table bench.customers (
                id bigint generated always as identity primary key,
                email text not null unique,
                name varchar(80) not null,
                tier bench.tier not null,
                country char(2) not null,
                born date,
                created_at timestamptz not null default now(),
                balance numeric(12,2) not null check (balance >= 0),
                active boolean not null,
                tags text[],
                profile jsonb,
                uid uuid not null unique
            );
            create table bench.products (
                id int generated always as identity primary key,
                sku varchar(20) not null unique,
                title text not null,
                price numeric(10,2) not null check (price > 0),
                weight real,
                created_at timestamptz not null
            );
            create table bench.orders (
                id bigint generated always as identity primary key,
                customer_id bigint not null references bench.customers,
                status bench.status not null,
                placed_at timestamptz not null,
                total numeric(12,2) not null check (total >= 0),
                note text,
                shipped_at timestamptz
            );
            create index on bench.orders (customer_id);
            create table bench.order_items (
                order_id bigint not null references bench.orders,
                product_id int not null references bench.products,
                qty int not null check (qty between 1 and 20),
                price numeric(10,2) not null,
                primary key (order_id, product_id)
            );
            create index on bench.order_items (product_id);
            create table bench.payments (
                id uuid primary key,
                order_id bigint not null unique references bench.orders,
                amount numeric(12,2) not null,
                paid_at timestamptz not null,
                method bench.method not null
            );
            """;

    static final String[] SHOP_TABLES = {"bench.customers", "bench.products", "bench.orders", "bench.order_items",
        "bench.payments"};

    private SeedSchemas() {
    }

    static String narrowPeer(long rows) {
        return """
                insert into bench.ticks
                select g, (random() * 1000000)::int, round((random() * 100000)::numeric, 2),
                       timestamptz '2015-01-01' + random() * interval '4000 days'
                from generate_series(1, %d) g""".formatted(rows);
    }

    /** The same rows for the shop, parents first; keys come from the identities the truncate restarted. */
    static String shopPeer(long customers, long products, long orders, long items, long payments) {
        return """
                insert into bench.customers (email, name, tier, country, born, created_at, balance, active, tags,
                        profile, uid)
                select 'c' || g || '@example.com', substr(md5(g::text), 1, 12),
                       (array['free', 'plus', 'pro', 'enterprise'])[1 + g %% 4]::bench.tier,
                       (array['de', 'fr', 'nl', 'us'])[1 + g %% 4], date '1950-01-01' + (random() * 20000)::int,
                       timestamptz '2015-01-01' + random() * interval '4000 days', round((random() * 100000)::numeric, 2),
                       random() < 0.5, array['a' || g %% 10, 'b' || g %% 7], jsonb_build_object('id', g, 'score', g %% 100),
                       gen_random_uuid()
                from generate_series(1, %1$d) g;
                insert into bench.products (sku, title, price, weight, created_at)
                select 'sku-' || g, md5(g::text), 0.01 + round((random() * 1000)::numeric, 2), random() * 50,
                       timestamptz '2015-01-01' + random() * interval '4000 days'
                from generate_series(1, %2$d) g;
                insert into bench.orders (customer_id, status, placed_at, total, note, shipped_at)
                select 1 + (random() * (%1$d - 1))::bigint,
                       (array['new', 'paid', 'shipped', 'returned'])[1 + g %% 4]::bench.status,
                       timestamptz '2015-01-01' + random() * interval '4000 days', round((random() * 5000)::numeric, 2),
                       case when g %% 10 = 0 then null else md5(g::text) end,
                       case when g %% 3 = 0 then null else timestamptz '2015-01-01' + random() * interval '4000 days' end
                from generate_series(1, %3$d) g;
                insert into bench.order_items (order_id, product_id, qty, price)
                select 1 + (g - 1) %% %3$d, 1 + ((g - 1) / %3$d + g::bigint * 7919) %% %2$d, 1 + (random() * 19)::int,
                       round((random() * 1000)::numeric, 2)
                from generate_series(1, %4$d) g;
                insert into bench.payments (id, order_id, amount, paid_at, method)
                select gen_random_uuid(), g, round((random() * 5000)::numeric, 2),
                       timestamptz '2015-01-01' + random() * interval '4000 days',
                       (array['card', 'transfer', 'wallet'])[1 + g %% 3]::bench.method
                from generate_series(1, %5$d) g""".formatted(customers, products, orders, items, payments);
    }
}
