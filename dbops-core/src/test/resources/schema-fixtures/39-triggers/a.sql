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
    NEW.updated_at := now();
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
    BEFORE UPDATE ON accounts
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
COMMENT ON TRIGGER accounts_touch ON accounts IS 'Maintains updated_at';

CREATE TRIGGER accounts_audit
    AFTER INSERT OR UPDATE OR DELETE ON accounts
    FOR EACH ROW EXECUTE FUNCTION audit_row();

CREATE TRIGGER accounts_truncate
    AFTER TRUNCATE ON accounts
    FOR EACH STATEMENT EXECUTE FUNCTION note_statement();
ALTER TABLE accounts DISABLE TRIGGER accounts_truncate;

CREATE TRIGGER accounts_old
    BEFORE DELETE ON accounts
    FOR EACH ROW EXECUTE FUNCTION audit_row();

CREATE CONSTRAINT TRIGGER accounts_balance_chk
    AFTER INSERT OR UPDATE ON accounts
    DEFERRABLE INITIALLY IMMEDIATE
    FOR EACH ROW EXECUTE FUNCTION check_balance();

CREATE TABLE events (
    id  bigint NOT NULL,
    day date   NOT NULL
) PARTITION BY RANGE (day);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
