-- Functions (LANGUAGE sql and plpgsql): overloads by argument type (one added), body changed, volatility/STRICT/SECURITY DEFINER/LEAKPROOF/PARALLEL/COST/SET search_path changed, argument default changed, argument renamed and return type changed (both need DROP+CREATE), OUT/VARIADIC/polymorphic signatures, nested dollar quotes, function comments.
CREATE SCHEMA calc;

CREATE FUNCTION calc.add(a integer, b integer) RETURNS integer
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT a + b $$;
COMMENT ON FUNCTION calc.add(integer, integer) IS 'Integer addition';

CREATE FUNCTION calc.add(a numeric, b numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT a + b $$;

CREATE FUNCTION greet(name text) RETURNS text
    LANGUAGE plpgsql
    AS $$
BEGIN
    RETURN 'Hello ' || name;
END
$$;

CREATE FUNCTION risky(x integer) RETURNS integer
    LANGUAGE plpgsql
    AS $$
BEGIN
    RETURN x * 2;
END
$$;

CREATE FUNCTION old_fn() RETURNS void
    LANGUAGE sql
    AS $$ SELECT 1 $$;
COMMENT ON FUNCTION old_fn() IS 'Dropped in B';

CREATE FUNCTION fmt_amount(v numeric, places integer DEFAULT 2) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT round(v, places)::text $$;

CREATE FUNCTION kind_of(x integer) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT CASE WHEN x % 2 = 0 THEN 'even' ELSE 'odd' END $$;

CREATE FUNCTION scale(val numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT val * 10 $$;

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
    EXECUTE format($q$SELECT count(*) FROM %s$q$, tbl) INTO n;
    RETURN n;
END
$fn$;
