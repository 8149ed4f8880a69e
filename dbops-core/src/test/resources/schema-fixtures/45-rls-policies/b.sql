-- RLS policies: PERMISSIVE/RESTRICTIVE, FOR ALL/SELECT/INSERT/UPDATE/DELETE, TO roles/PUBLIC (incl. a role with a space), USING and WITH CHECK changed, roles changed, permissive->restrictive, command changed, policies added/dropped, policy comments, quoted policy name.
CREATE TABLE documents (
    id         integer PRIMARY KEY,
    owner_name text    NOT NULL,
    tenant_id  integer NOT NULL,
    title      text,
    published  boolean NOT NULL DEFAULT false
);
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE documents FORCE ROW LEVEL SECURITY;

CREATE POLICY documents_owner_all ON documents
    FOR ALL
    TO dbops_app, dbops_writer
    USING (owner_name = current_user OR pg_has_role(current_user, 'dbops_owner', 'MEMBER'))
    WITH CHECK (owner_name = current_user AND title IS NOT NULL);
COMMENT ON POLICY documents_owner_all ON documents IS 'Owners (and dbops_owner members) see and edit documents';

CREATE POLICY documents_public_read ON documents
    AS PERMISSIVE
    FOR SELECT
    TO dbops_reader, "Role With Space"
    USING (published);

CREATE POLICY documents_tenant ON documents
    AS PERMISSIVE
    FOR ALL
    TO dbops_app, dbops_reader
    USING (tenant_id = current_setting('app.tenant_id')::integer);

CREATE POLICY documents_editor ON documents
    FOR INSERT
    TO dbops_writer
    WITH CHECK (published = false);

CREATE POLICY documents_update_own ON documents
    AS RESTRICTIVE
    FOR UPDATE
    TO dbops_writer
    USING (owner_name = current_user)
    WITH CHECK (owner_name = current_user);

CREATE POLICY "Tenant ""strict"" delete" ON documents
    FOR DELETE
    TO dbops_owner
    USING (tenant_id = current_setting('app.tenant_id', true)::integer);
COMMENT ON POLICY "Tenant ""strict"" delete" ON documents IS 'Only owners delete, within their tenant';
