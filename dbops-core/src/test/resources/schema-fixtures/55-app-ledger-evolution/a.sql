-- Big realistic pair: double-entry ledger v1 -> v2 (10 tables): numeric precision widened under views/matview/CHECKs, text CHECK-list replaced by an enum, columns replaced by a daterange with an exclusion constraint, deferrable constraint trigger changed, table dropped/added, sequence options, ownership and grants changed.
CREATE SCHEMA ledger;

CREATE SEQUENCE ledger.voucher_no_seq START WITH 10000;

CREATE TABLE ledger.currencies (
    code     char(3) PRIMARY KEY,
    name     text NOT NULL,
    decimals smallint NOT NULL DEFAULT 2
);

CREATE TABLE ledger.accounts (
    id        serial PRIMARY KEY,
    code      varchar(10) NOT NULL,
    name      text NOT NULL,
    type      text NOT NULL,
    parent_id integer REFERENCES ledger.accounts (id),
    currency  char(3) NOT NULL REFERENCES ledger.currencies (code),
    CONSTRAINT accounts_code_key UNIQUE (code),
    CONSTRAINT accounts_type_chk CHECK (type IN ('asset', 'liability', 'equity', 'income', 'expense'))
);

CREATE TABLE ledger.journals (
    id   integer PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE ledger.entries (
    id          bigserial PRIMARY KEY,
    journal_id  integer NOT NULL REFERENCES ledger.journals (id),
    voucher_no  bigint NOT NULL DEFAULT nextval('ledger.voucher_no_seq'),
    posted_on   date NOT NULL,
    description text,
    created_by  name NOT NULL DEFAULT current_user
);
CREATE INDEX entries_posted_idx ON ledger.entries (posted_on);

CREATE TABLE ledger.entry_lines (
    id         bigserial PRIMARY KEY,
    entry_id   bigint  NOT NULL REFERENCES ledger.entries (id) ON DELETE CASCADE,
    account_id integer NOT NULL REFERENCES ledger.accounts (id),
    debit      numeric(14,2) NOT NULL DEFAULT 0,
    credit     numeric(14,2) NOT NULL DEFAULT 0,
    CONSTRAINT entry_lines_nonneg CHECK (debit >= 0 AND credit >= 0),
    CONSTRAINT entry_lines_one_side CHECK (debit = 0 OR credit = 0)
);
CREATE INDEX entry_lines_account_idx ON ledger.entry_lines (account_id);

CREATE TABLE ledger.fx_rates (
    currency char(3) NOT NULL REFERENCES ledger.currencies (code),
    on_date  date NOT NULL,
    rate     numeric(18,8) NOT NULL,
    CONSTRAINT fx_rates_pkey PRIMARY KEY (currency, on_date)
);

CREATE TABLE ledger.periods (
    id        integer PRIMARY KEY,
    starts_on date NOT NULL,
    ends_on   date NOT NULL,
    closed    boolean NOT NULL DEFAULT false,
    CONSTRAINT periods_order_chk CHECK (starts_on < ends_on)
);

CREATE TABLE ledger.legacy_import (
    line text
);

CREATE FUNCTION ledger.check_entry_balanced() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF (SELECT sum(debit) - sum(credit) FROM ledger.entry_lines WHERE entry_id = NEW.entry_id) <> 0 THEN
        RAISE EXCEPTION 'entry % is not balanced', NEW.entry_id;
    END IF;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER entry_lines_balanced
    AFTER INSERT OR UPDATE ON ledger.entry_lines
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

CREATE VIEW ledger.trial_balance AS
    SELECT a.code, a.name, sum(l.debit) AS debit, sum(l.credit) AS credit
    FROM ledger.accounts a
    LEFT JOIN ledger.entry_lines l ON l.account_id = a.id
    GROUP BY a.code, a.name;

GRANT USAGE ON SCHEMA ledger TO dbops_reader;
GRANT SELECT ON ledger.trial_balance TO dbops_reader;
