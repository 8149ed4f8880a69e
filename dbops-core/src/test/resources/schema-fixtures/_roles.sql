-- Cluster-wide roles used by the schema fixtures. Idempotent: run once per server before any fixture.
DO $roles$
DECLARE
    wanted text[] := ARRAY['dbops_reader', 'dbops_writer', 'dbops_owner', 'dbops_app', 'Role With Space'];
    r text;
BEGIN
    FOREACH r IN ARRAY wanted LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', r);
        END IF;
    END LOOP;
END
$roles$;
