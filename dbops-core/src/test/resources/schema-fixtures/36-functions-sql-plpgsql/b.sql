-- Functions (LANGUAGE sql and plpgsql): overloads by argument type (one added), body changed, volatility/STRICT/SECURITY DEFINER/LEAKPROOF/PARALLEL/COST/SET search_path changed, argument default changed, argument renamed and return type changed (both need DROP+CREATE), OUT/VARIADIC/polymorphic signatures, nested dollar quotes, function comments.
CREATE SCHEMA calc;

CREATE FUNCTION calc.add(a integer, b integer) RETURNS integer
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT a + b $$;
COMMENT ON FUNCTION calc.add(integer, integer) IS 'Integer addition (may overflow)';

CREATE FUNCTION calc.add(a numeric, b numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT round(a + b, 6) $$;
COMMENT ON FUNCTION calc.add(numeric, numeric) IS 'Numeric addition, 6 decimals';

CREATE FUNCTION calc.add(a bigint, b bigint) RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT a + b $$;

CREATE FUNCTION greet(name text) RETURNS text
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF name IS NULL THEN
        RETURN 'Hello stranger';
    END IF;
    RETURN 'Hello, ' || name || '!';
END
$$;

CREATE FUNCTION risky(x integer) RETURNS integer
    LANGUAGE plpgsql STABLE STRICT SECURITY DEFINER LEAKPROOF PARALLEL SAFE COST 50
    SET search_path = pg_catalog, public
    SET work_mem = '8MB'
    AS $$
BEGIN
    RETURN x * 2;
END
$$;

CREATE FUNCTION fmt_amount(v numeric, places integer DEFAULT 4) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT round(v, places)::text $$;

CREATE FUNCTION kind_of(x integer) RETURNS varchar(4)
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT CASE WHEN x % 2 = 0 THEN 'even' ELSE 'odd' END $$;

CREATE FUNCTION scale(amount numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT amount * 10 $$;

CREATE FUNCTION min_max(VARIADIC nums integer[], OUT lo integer, OUT hi integer)
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT min(n), max(n) FROM unnest(nums) AS n $$;

CREATE FUNCTION first_non_null(a anyelement, b anyelement) RETURNS anyelement
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT coalesce(a, b) $$;

CREATE FUNCTION exec_count(tbl regclass) RETURNS bigint
    LANGUAGE plpgsql STABLE
    AS $fn$
DECLARE
    n bigint;
BEGIN
    EXECUTE format($q$SELECT count(*) FROM %s WHERE true$q$, tbl) INTO n;
    RETURN coalesce(n, 0);
END
$fn$;
COMMENT ON FUNCTION exec_count(regclass) IS 'Row count of any table';

CREATE FUNCTION calc.clamp(v integer, lo integer, hi integer) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT
    RETURN greatest(lo, least(hi, v));
