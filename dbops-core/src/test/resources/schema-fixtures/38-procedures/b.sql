-- Procedures: plpgsql and sql bodies, body changed, SECURITY DEFINER + SET added, argument default changed, overload added, INOUT arguments, procedure dropped, BEGIN ATOMIC procedure added (last statement), procedure comments.
CREATE TABLE audit_log (
    id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind    text NOT NULL,
    message text,
    at      timestamptz NOT NULL DEFAULT now()
);

CREATE PROCEDURE log_event(p_kind text, p_msg text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp
    AS $$
BEGIN
    INSERT INTO audit_log (kind, message) VALUES (upper(p_kind), p_msg);
END
$$;
COMMENT ON PROCEDURE log_event(text, text) IS 'Append to the audit log (kind is upper-cased)';

CREATE PROCEDURE log_event(p_kind text)
    LANGUAGE sql
    AS $$ CALL log_event(p_kind, NULL) $$;

CREATE PROCEDURE purge_old(days integer DEFAULT 90)
    LANGUAGE sql
    AS $$ DELETE FROM audit_log WHERE at < now() - make_interval(days => days) $$;

CREATE PROCEDURE split_amount(INOUT amount numeric, IN parts integer)
    LANGUAGE plpgsql
    AS $$
BEGIN
    amount := amount / parts;
END
$$;

CREATE PROCEDURE truncate_log(keep_kind text)
    LANGUAGE sql
BEGIN ATOMIC
    DELETE FROM audit_log WHERE kind <> keep_kind;
END;
