-- RLS policies: PERMISSIVE/RESTRICTIVE, FOR ALL/SELECT/INSERT/UPDATE/DELETE, TO roles/PUBLIC (incl. a role with a space), USING and WITH CHECK changed, roles changed, permissive->restrictive, command changed, policies added/dropped, policy comments, quoted policy name.
CREATE TABLE documents (
    id         integer PRIMARY KEY,
    owner_name text    NOT NULL,
    tenant_id  integer NOT NULL,
    title      text,
    published  boolean NOT NULL DEFAULT false
);
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;

CREATE POLICY documents_owner_all ON documents
    FOR ALL
    TO dbops_app
    USING (owner_name = current_user)
    WITH CHECK (owner_name = current_user);
COMMENT ON POLICY documents_owner_all ON documents IS 'Owners see and edit their documents';

CREATE POLICY documents_public_read ON documents
    AS PERMISSIVE
    FOR SELECT
    TO PUBLIC
    USING (published);

CREATE POLICY documents_tenant ON documents
    AS RESTRICTIVE
    FOR ALL
    TO dbops_app, dbops_reader
    USING (tenant_id = current_setting('app.tenant_id')::integer);

CREATE POLICY documents_no_delete ON documents
    FOR DELETE
    USING (false);

CREATE POLICY documents_editor ON documents
    FOR UPDATE
    TO dbops_writer
    USING (true);
