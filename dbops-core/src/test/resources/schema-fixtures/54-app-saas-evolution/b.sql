-- Big realistic pair: multi-tenant SaaS schema v1 -> v2 (10 tables): RLS policies on several tables changed/added, text column with default turned into an enum, smallint->integer, partitioned audit log gains partitions, new tables with FKs, expression unique index, function/view changes, grants.
CREATE SCHEMA saas;

CREATE TYPE saas.plan AS ENUM ('free', 'pro', 'enterprise');

CREATE FUNCTION saas.current_tenant() RETURNS uuid
    LANGUAGE sql STABLE
    AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;

CREATE FUNCTION saas.is_admin() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = saas, pg_temp
    AS $$ SELECT coalesce(current_setting('app.is_admin', true), 'off')::boolean $$;
REVOKE EXECUTE ON FUNCTION saas.is_admin() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION saas.is_admin() TO dbops_app;

CREATE TABLE saas.tenants (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name       text NOT NULL,
    plan       saas.plan NOT NULL DEFAULT 'free',
    created_at timestamptz NOT NULL DEFAULT now(),
    seats      integer NOT NULL DEFAULT 5
);
COMMENT ON COLUMN saas.tenants.plan IS 'Billing plan';

CREATE TABLE saas.users (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id     uuid NOT NULL REFERENCES saas.tenants (id) ON DELETE CASCADE,
    email         text NOT NULL,
    role          text NOT NULL DEFAULT 'member',
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_login_at timestamptz,
    CONSTRAINT users_role_chk CHECK (role IN ('owner', 'admin', 'member'))
);
CREATE INDEX users_tenant_idx ON saas.users (tenant_id);
CREATE UNIQUE INDEX users_tenant_email_uq ON saas.users (tenant_id, lower(email));

CREATE TABLE saas.projects (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   uuid NOT NULL REFERENCES saas.tenants (id) ON DELETE CASCADE,
    name        text NOT NULL,
    archived    boolean NOT NULL DEFAULT false,
    description text,
    CONSTRAINT projects_tenant_name_key UNIQUE (tenant_id, name)
);

CREATE TABLE saas.tasks (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    uuid NOT NULL REFERENCES saas.tenants (id) ON DELETE CASCADE,
    project_id   bigint NOT NULL REFERENCES saas.projects (id) ON DELETE CASCADE,
    title        text NOT NULL,
    status       text NOT NULL DEFAULT 'todo',
    assignee     uuid REFERENCES saas.users (id) ON DELETE SET NULL,
    due          date,
    priority     integer NOT NULL DEFAULT 0,
    estimate     interval,
    labels       text[] NOT NULL DEFAULT '{}',
    completed_at timestamptz,
    CONSTRAINT tasks_completed_chk CHECK (completed_at IS NULL OR status = 'done')
);
CREATE INDEX tasks_project_idx ON saas.tasks (project_id, status);
CREATE INDEX tasks_labels_idx ON saas.tasks USING gin (labels);
CREATE INDEX tasks_assignee_open_idx ON saas.tasks (assignee) WHERE completed_at IS NULL;

CREATE TABLE saas.comments (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id  uuid NOT NULL,
    task_id    bigint NOT NULL REFERENCES saas.tasks (id) ON DELETE CASCADE,
    author_id  uuid REFERENCES saas.users (id) ON DELETE SET NULL,
    body       text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    edited_at  timestamptz
);

CREATE TABLE saas.api_keys (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id  uuid NOT NULL REFERENCES saas.tenants (id) ON DELETE CASCADE,
    key_hash   text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz,
    scopes     text[] NOT NULL DEFAULT ARRAY['read']::text[],
    CONSTRAINT api_keys_hash_key UNIQUE (key_hash)
);
CREATE INDEX api_keys_active_idx ON saas.api_keys (tenant_id) WHERE revoked_at IS NULL;

CREATE TABLE saas.memberships (
    user_id    uuid   NOT NULL REFERENCES saas.users (id) ON DELETE CASCADE,
    project_id bigint NOT NULL REFERENCES saas.projects (id) ON DELETE CASCADE,
    role       text   NOT NULL DEFAULT 'viewer',
    CONSTRAINT memberships_pkey PRIMARY KEY (user_id, project_id),
    CONSTRAINT memberships_role_chk CHECK (role IN ('viewer', 'editor', 'manager'))
);

CREATE TABLE saas.attachments (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    uuid NOT NULL,
    task_id      bigint NOT NULL REFERENCES saas.tasks (id) ON DELETE CASCADE,
    file_name    text NOT NULL,
    content_type text NOT NULL DEFAULT 'application/octet-stream',
    size_bytes   bigint NOT NULL,
    CONSTRAINT attachments_size_chk CHECK (size_bytes BETWEEN 0 AND 104857600)
);

CREATE TABLE saas.audit_log (
    id         bigint GENERATED ALWAYS AS IDENTITY,
    tenant_id  uuid,
    action     text NOT NULL,
    details    jsonb,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT audit_log_pkey PRIMARY KEY (id, created_at)
) PARTITION BY RANGE (created_at);
CREATE TABLE saas.audit_log_2024 PARTITION OF saas.audit_log
    FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2025-01-01 00:00:00+00');
CREATE TABLE saas.audit_log_2025 PARTITION OF saas.audit_log
    FOR VALUES FROM ('2025-01-01 00:00:00+00') TO ('2026-01-01 00:00:00+00');
CREATE TABLE saas.audit_log_2026 PARTITION OF saas.audit_log
    FOR VALUES FROM ('2026-01-01 00:00:00+00') TO ('2027-01-01 00:00:00+00');
CREATE TABLE saas.audit_log_default PARTITION OF saas.audit_log DEFAULT;
CREATE INDEX audit_log_tenant_idx ON saas.audit_log (tenant_id, created_at DESC);

ALTER TABLE saas.projects ENABLE ROW LEVEL SECURITY;
CREATE POLICY projects_tenant ON saas.projects
    USING (tenant_id = saas.current_tenant() OR saas.is_admin());

ALTER TABLE saas.tasks ENABLE ROW LEVEL SECURITY;
ALTER TABLE saas.tasks FORCE ROW LEVEL SECURITY;
CREATE POLICY tasks_tenant ON saas.tasks
    TO dbops_app
    USING (tenant_id = saas.current_tenant())
    WITH CHECK (tenant_id = saas.current_tenant());

ALTER TABLE saas.comments ENABLE ROW LEVEL SECURITY;
CREATE POLICY comments_tenant ON saas.comments
    AS RESTRICTIVE
    TO dbops_app
    USING (tenant_id = saas.current_tenant());
CREATE POLICY comments_read ON saas.comments
    FOR SELECT
    TO dbops_app
    USING (true);
CREATE POLICY comments_write ON saas.comments
    FOR INSERT
    TO dbops_app
    WITH CHECK (author_id IS NOT NULL);

CREATE VIEW saas.open_tasks WITH (security_invoker = true) AS
    SELECT t.id, t.tenant_id, t.title, t.due, p.name AS project
    FROM saas.tasks t
    JOIN saas.projects p ON p.id = t.project_id
    WHERE t.completed_at IS NULL AND NOT p.archived;

GRANT USAGE ON SCHEMA saas TO dbops_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON saas.projects, saas.tasks, saas.comments, saas.memberships, saas.attachments TO dbops_app;
GRANT SELECT ON saas.tenants, saas.users, saas.open_tasks TO dbops_app;
GRANT UPDATE (last_login_at) ON saas.users TO dbops_app;
GRANT INSERT ON saas.audit_log TO dbops_app;
