-- Big realistic pair: multi-tenant SaaS schema v1 -> v2 (10 tables): RLS policies on several tables changed/added, text column with default turned into an enum, smallint->integer, partitioned audit log gains partitions, new tables with FKs, expression unique index, function/view changes, grants.
CREATE SCHEMA saas;

CREATE FUNCTION saas.current_tenant() RETURNS uuid
    LANGUAGE sql STABLE
    AS $$ SELECT current_setting('app.tenant_id')::uuid $$;

CREATE TABLE saas.tenants (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name       text NOT NULL,
    plan       text NOT NULL DEFAULT 'free',
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE saas.users (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id  uuid NOT NULL REFERENCES saas.tenants (id) ON DELETE CASCADE,
    email      text NOT NULL,
    role       text NOT NULL DEFAULT 'member',
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT users_role_chk CHECK (role IN ('admin', 'member'))
);
CREATE INDEX users_tenant_idx ON saas.users (tenant_id);

CREATE TABLE saas.projects (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES saas.tenants (id) ON DELETE CASCADE,
    name      text NOT NULL,
    archived  boolean NOT NULL DEFAULT false
);

CREATE TABLE saas.tasks (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id  uuid NOT NULL REFERENCES saas.tenants (id) ON DELETE CASCADE,
    project_id bigint NOT NULL REFERENCES saas.projects (id) ON DELETE CASCADE,
    title      text NOT NULL,
    status     text NOT NULL DEFAULT 'todo',
    assignee   uuid REFERENCES saas.users (id) ON DELETE SET NULL,
    due        date,
    priority   smallint NOT NULL DEFAULT 0
);
CREATE INDEX tasks_project_idx ON saas.tasks (project_id);

CREATE TABLE saas.comments (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id  uuid NOT NULL,
    task_id    bigint NOT NULL REFERENCES saas.tasks (id) ON DELETE CASCADE,
    author_id  uuid REFERENCES saas.users (id),
    body       text,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE saas.api_keys (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id  uuid NOT NULL REFERENCES saas.tenants (id) ON DELETE CASCADE,
    key_hash   text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz,
    CONSTRAINT api_keys_hash_key UNIQUE (key_hash)
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

ALTER TABLE saas.projects ENABLE ROW LEVEL SECURITY;
CREATE POLICY projects_tenant ON saas.projects
    USING (tenant_id = saas.current_tenant());

ALTER TABLE saas.tasks ENABLE ROW LEVEL SECURITY;
CREATE POLICY tasks_tenant ON saas.tasks
    USING (tenant_id = saas.current_tenant());

GRANT USAGE ON SCHEMA saas TO dbops_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON saas.projects, saas.tasks, saas.comments TO dbops_app;
GRANT SELECT ON saas.tenants, saas.users TO dbops_app;
