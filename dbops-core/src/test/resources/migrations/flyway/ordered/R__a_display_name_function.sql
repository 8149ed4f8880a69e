CREATE OR REPLACE FUNCTION display_name(u users) RETURNS text
LANGUAGE sql AS $$ SELECT coalesce(u.name, u.email) $$;
