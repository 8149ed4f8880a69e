-- Big realistic pair: double-entry ledger v1 -> v2 (10 tables): numeric precision widened under views/matview/CHECKs, text CHECK-list replaced by an enum, columns replaced by a daterange with an exclusion constraint, deferrable constraint trigger changed, table dropped/added, sequence options, ownership and grants changed.
CREATE SCHEMA ledger;
COMMENT ON SCHEMA ledger IS 'General ledger';

CREATE TYPE ledger.account_type AS ENUM ('asset', 'liability', 'equity', 'income', 'expense');

CREATE SEQUENCE ledger.voucher_no_seq START WITH 10000 CACHE 50;

CREATE TABLE ledger.currencies (
    code     char(3) PRIMARY KEY,
    name     text NOT NULL,
    decimals smallint NOT NULL DEFAULT 2,
    CONSTRAINT currencies_decimals_chk CHECK (decimals BETWEEN 0 AND 4)
);

CREATE TABLE ledger.accounts (
    id        serial PRIMARY KEY,
    code      varchar(20) NOT NULL,
    name      text NOT NULL,
    type      ledger.account_type NOT NULL,
    parent_id integer REFERENCES ledger.accounts (id) ON DELETE RESTRICT,
    currency  char(3) NOT NULL REFERENCES ledger.currencies (code),
    is_active boolean NOT NULL DEFAULT true,
    CONSTRAINT accounts_code_key UNIQUE (code)
);
ALTER TABLE ledger.accounts OWNER TO dbops_owner;

CREATE TABLE ledger.journals (
    id   integer PRIMARY KEY,
    name text NOT NULL,
    code varchar(8),
    CONSTRAINT journals_code_key UNIQUE (code)
);
COMMENT ON TABLE ledger.journals IS 'Books of original entry';

CREATE TABLE ledger.entries (
    id          bigserial PRIMARY KEY,
    journal_id  integer NOT NULL REFERENCES ledger.journals (id),
    voucher_no  bigint NOT NULL DEFAULT nextval('ledger.voucher_no_seq'),
    posted_on   date NOT NULL,
    description text,
    created_by  name NOT NULL DEFAULT current_user,
    reference   text,
    CONSTRAINT entries_voucher_key UNIQUE (voucher_no)
);
CREATE INDEX entries_posted_idx ON ledger.entries USING brin (posted_on);

CREATE TABLE ledger.entry_lines (
    id         bigserial PRIMARY KEY,
    entry_id   bigint  NOT NULL REFERENCES ledger.entries (id) ON DELETE CASCADE,
    account_id integer NOT NULL,
    debit      numeric(18,4) NOT NULL DEFAULT 0,
    credit     numeric(18,4) NOT NULL DEFAULT 0,
    memo       text,
    CONSTRAINT entry_lines_nonneg CHECK (debit >= 0 AND credit >= 0),
    CONSTRAINT entry_lines_one_side CHECK (debit = 0 OR credit = 0),
    CONSTRAINT entry_lines_account_fk FOREIGN KEY (account_id)
        REFERENCES ledger.accounts (id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX entry_lines_account_idx ON ledger.entry_lines (account_id) INCLUDE (debit, credit);

CREATE TABLE ledger.fx_rates (
    currency char(3) NOT NULL REFERENCES ledger.currencies (code),
    on_date  date NOT NULL,
    rate     numeric(18,8) NOT NULL,
    source   text NOT NULL DEFAULT 'ecb',
    CONSTRAINT fx_rates_pkey PRIMARY KEY (currency, on_date)
);

CREATE TABLE ledger.periods (
    id     integer PRIMARY KEY,
    closed boolean NOT NULL DEFAULT false,
    span   daterange NOT NULL,
    CONSTRAINT periods_no_overlap EXCLUDE USING gist (span WITH &&)
);

CREATE TABLE ledger.budgets (
    account_id integer NOT NULL REFERENCES ledger.accounts (id) ON DELETE CASCADE,
    period_id  integer NOT NULL REFERENCES ledger.periods (id) ON DELETE CASCADE,
    amount     numeric(18,4) NOT NULL,
    CONSTRAINT budgets_pkey PRIMARY KEY (account_id, period_id)
);

CREATE FUNCTION ledger.check_entry_balanced() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    diff numeric;
BEGIN
    SELECT sum(debit) - sum(credit) INTO diff FROM ledger.entry_lines WHERE entry_id = NEW.entry_id;
    IF diff <> 0 THEN
        RAISE EXCEPTION 'entry % is off by %', NEW.entry_id, diff;
    END IF;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER entry_lines_balanced
    AFTER INSERT OR UPDATE OR DELETE ON ledger.entry_lines
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION ledger.check_entry_balanced();

CREATE FUNCTION ledger.account_balance(p_account integer, p_until date) RETURNS numeric
    LANGUAGE sql STABLE
    AS $$
    SELECT coalesce(sum(l.debit - l.credit), 0)
    FROM ledger.entry_lines l
    JOIN ledger.entries e ON e.id = l.entry_id
    WHERE l.account_id = p_account AND e.posted_on <= p_until
$$;
ALTER FUNCTION ledger.account_balance(integer, date) OWNER TO dbops_owner;

CREATE VIEW ledger.trial_balance AS
    SELECT a.code, a.name, a.type, sum(l.debit) AS debit, sum(l.credit) AS credit
    FROM ledger.accounts a
    LEFT JOIN ledger.entry_lines l ON l.account_id = a.id
    WHERE a.is_active
    GROUP BY a.code, a.name, a.type;

CREATE MATERIALIZED VIEW ledger.monthly_totals AS
    SELECT date_trunc('month', e.posted_on)::date AS month, l.account_id,
           sum(l.debit) AS debit, sum(l.credit) AS credit
    FROM ledger.entry_lines l
    JOIN ledger.entries e ON e.id = l.entry_id
    GROUP BY 1, 2;
CREATE UNIQUE INDEX monthly_totals_uq ON ledger.monthly_totals (month, account_id);

GRANT USAGE ON SCHEMA ledger TO dbops_reader;
GRANT SELECT ON ledger.trial_balance, ledger.monthly_totals TO dbops_reader;
GRANT SELECT ON ledger.accounts TO dbops_reader;
