-- Domains: CHECK changed/added/renamed, NOT NULL dropped, DEFAULT added/changed, base type changed while a column uses the domain, domain over a domain, domain over an array, COLLATE, NOT VALID domain constraint, domain created/dropped, domain and domain-constraint comments.
CREATE DOMAIN positive_int AS integer CONSTRAINT positive_int_check CHECK (VALUE > 0);

CREATE DOMAIN email AS text CONSTRAINT email_format CHECK (VALUE ~ '^[^@]+@[^@]+$');
COMMENT ON DOMAIN email IS 'An e-mail address';

CREATE DOMAIN short_code AS varchar(10) NOT NULL;

CREATE DOMAIN percentage AS numeric(5,2) DEFAULT 0 CONSTRAINT pct_range CHECK (VALUE BETWEEN 0 AND 100);

CREATE DOMAIN old_domain AS text;

CREATE DOMAIN us_zip AS text CHECK (VALUE ~ '^\d{5}$');

CREATE DOMAIN ref_code AS varchar(8);

CREATE DOMAIN work_email AS email CONSTRAINT work_email_domain CHECK (VALUE LIKE '%@example.com');

CREATE TABLE contacts (
    id       integer PRIMARY KEY,
    email    email,
    zip      us_zip,
    code     short_code,
    discount percentage,
    ref      ref_code,
    work     work_email,
    qty      positive_int
);
