-- Column comments: added, changed, removed; comment text with quotes, newlines, unicode, semicolons and comment markers; comment on a column that is also dropped.
CREATE TABLE accounts (
    id       integer PRIMARY KEY,
    email    text,
    balance  numeric(12,2),
    status   text,
    legacy   text
);
COMMENT ON COLUMN accounts.id IS 'Surrogate key';
COMMENT ON COLUMN accounts.email IS 'Primary contact address';
COMMENT ON COLUMN accounts.status IS 'Lifecycle state';
COMMENT ON COLUMN accounts.legacy IS 'To be removed together with its comment';
