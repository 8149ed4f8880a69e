-- Column comments: added, changed, removed; comment text with quotes, newlines, unicode, semicolons and comment markers; comment on a column that is also dropped.
CREATE TABLE accounts (
    id       integer PRIMARY KEY,
    email    text,
    balance  numeric(12,2),
    status   text
);
COMMENT ON COLUMN accounts.id IS 'Surrogate key';
COMMENT ON COLUMN accounts.email IS E'Primary contact address.\nMust be verified; see "verify_email" -- not /* optional */.';
COMMENT ON COLUMN accounts.balance IS 'Saldo in €, größer oder gleich 0 (it''s signed)';
