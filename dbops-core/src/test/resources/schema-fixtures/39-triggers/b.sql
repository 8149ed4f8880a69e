-- Triggers: BEFORE/AFTER, FOR EACH ROW/STATEMENT, WHEN condition, UPDATE OF columns, CONSTRAINT TRIGGER DEFERRABLE (INITIALLY IMMEDIATE -> DEFERRED), disabled <-> enabled, ENABLE ALWAYS, transition tables, trigger arguments, INSTEAD OF on a view, row trigger on a partitioned table, trigger function body changed, trigger comments.
CREATE TABLE accounts (
    id         integer PRIMARY KEY,
    balance    numeric NOT NULL DEFAULT 0,
    owner_name text,
    updated_at timestamptz,
    version    integer NOT NULL DEFAULT 0
);

CREATE TABLE account_audit (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id integer,
    op         text NOT NULL,
    at         timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.updated_at := clock_timestamp();
    NEW.version := OLD.version + 1;
    RETURN NEW;
END
$$;

CREATE FUNCTION audit_row() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO account_audit (account_id, op) VALUES (coalesce(NEW.id, OLD.id), TG_OP);
    RETURN NULL;
END
$$;

CREATE FUNCTION check_balance() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF NEW.balance < 0 THEN
        RAISE EXCEPTION 'negative balance for account %', NEW.id;
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION note_statement() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    RAISE NOTICE 'statement % on % (args: %)', TG_OP, TG_TABLE_NAME, TG_ARGV;
    RETURN NULL;
END
$$;

CREATE TRIGGER accounts_touch
    BEFORE UPDATE OF balance, owner_name ON accounts
    FOR EACH ROW
    WHEN (OLD.* IS DISTINCT FROM NEW.*)
    EXECUTE FUNCTION touch_updated_at();
COMMENT ON TRIGGER accounts_touch ON accounts IS 'Maintains updated_at and version on real changes';

CREATE TRIGGER accounts_audit
    AFTER INSERT OR UPDATE OR DELETE ON accounts
    FOR EACH ROW EXECUTE FUNCTION audit_row();
ALTER TABLE accounts DISABLE TRIGGER accounts_audit;

CREATE TRIGGER accounts_truncate
    AFTER TRUNCATE ON accounts
    FOR EACH STATEMENT EXECUTE FUNCTION note_statement();
COMMENT ON TRIGGER accounts_truncate ON accounts IS 'Logs truncations';

CREATE CONSTRAINT TRIGGER accounts_balance_chk
    AFTER INSERT OR UPDATE ON accounts
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION check_balance();

CREATE TRIGGER accounts_bulk
    AFTER UPDATE ON accounts
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION note_statement('bulk', '42', 'it''s');

CREATE TRIGGER accounts_replica_audit
    AFTER DELETE ON accounts
    FOR EACH ROW EXECUTE FUNCTION audit_row();
ALTER TABLE accounts ENABLE ALWAYS TRIGGER accounts_replica_audit;

CREATE VIEW account_balances AS
    SELECT id, balance FROM accounts;

CREATE FUNCTION account_balances_update() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    UPDATE accounts SET balance = NEW.balance WHERE id = OLD.id;
    RETURN NEW;
END
$$;

CREATE TRIGGER account_balances_instead
    INSTEAD OF UPDATE ON account_balances
    FOR EACH ROW EXECUTE FUNCTION account_balances_update();

CREATE TABLE events (
    id  bigint NOT NULL,
    day date   NOT NULL
) PARTITION BY RANGE (day);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

CREATE FUNCTION events_guard() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF NEW.day > current_date + 1 THEN
        RAISE EXCEPTION 'event in the future';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER events_guard
    BEFORE INSERT ON events
    FOR EACH ROW EXECUTE FUNCTION events_guard();
