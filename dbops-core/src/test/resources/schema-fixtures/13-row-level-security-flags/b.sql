-- ROW LEVEL SECURITY flags: enabled/disabled and FORCEd/unforced in every combination, incl. FORCE without ENABLE, and a new table created with RLS.
CREATE TABLE docs (
    id    integer PRIMARY KEY,
    owner text
);
ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
ALTER TABLE docs FORCE ROW LEVEL SECURITY;

CREATE TABLE secrets (
    id    integer PRIMARY KEY,
    owner text
);

CREATE TABLE vault (
    id    integer PRIMARY KEY,
    owner text
);
ALTER TABLE vault ENABLE ROW LEVEL SECURITY;

CREATE TABLE forced_only (
    id integer PRIMARY KEY
);
ALTER TABLE forced_only ENABLE ROW LEVEL SECURITY;

CREATE TABLE private_notes (
    id   integer PRIMARY KEY,
    body text
);
ALTER TABLE private_notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE private_notes FORCE ROW LEVEL SECURITY;
