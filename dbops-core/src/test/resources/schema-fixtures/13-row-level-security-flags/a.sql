-- ROW LEVEL SECURITY flags: enabled/disabled and FORCEd/unforced in every combination, incl. FORCE without ENABLE, and a new table created with RLS.
CREATE TABLE docs (
    id    integer PRIMARY KEY,
    owner text
);

CREATE TABLE secrets (
    id    integer PRIMARY KEY,
    owner text
);
ALTER TABLE secrets ENABLE ROW LEVEL SECURITY;

CREATE TABLE vault (
    id    integer PRIMARY KEY,
    owner text
);
ALTER TABLE vault ENABLE ROW LEVEL SECURITY;
ALTER TABLE vault FORCE ROW LEVEL SECURITY;

CREATE TABLE forced_only (
    id integer PRIMARY KEY
);
ALTER TABLE forced_only FORCE ROW LEVEL SECURITY;
