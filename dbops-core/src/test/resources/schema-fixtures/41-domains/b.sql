-- Domains: CHECK changed/added/renamed, NOT NULL dropped, DEFAULT added/changed, base type changed while a column uses the domain, domain over a domain, domain over an array, COLLATE, NOT VALID domain constraint, domain created/dropped, domain and domain-constraint comments.
CREATE DOMAIN positive_int AS integer CONSTRAINT positive_int_check CHECK (VALUE >= 1 AND VALUE < 1000000);
ALTER DOMAIN positive_int ADD CONSTRAINT positive_int_even CHECK (VALUE % 2 = 0) NOT VALID;

CREATE DOMAIN email AS text
    CONSTRAINT email_format CHECK (VALUE ~ '^[^@]+@[^@]+$')
    CONSTRAINT email_lowercase CHECK (VALUE = lower(VALUE));
COMMENT ON DOMAIN email IS 'An e-mail address, stored lower-case';
COMMENT ON CONSTRAINT email_lowercase ON DOMAIN email IS 'Normalise before insert';

CREATE DOMAIN short_code AS varchar(10) DEFAULT 'N/A';

CREATE DOMAIN percentage AS numeric(5,2) DEFAULT 10 CONSTRAINT pct_range CHECK (VALUE BETWEEN 0 AND 100);

CREATE DOMAIN us_zip AS text CONSTRAINT us_zip_format CHECK (VALUE ~ '^\d{5}$');

CREATE DOMAIN ref_code AS varchar(16);

CREATE DOMAIN work_email AS email CONSTRAINT work_email_domain CHECK (VALUE LIKE '%@example.com');

CREATE DOMAIN vip_email AS work_email CONSTRAINT vip_email_prefix CHECK (VALUE LIKE 'vip.%');
COMMENT ON DOMAIN vip_email IS 'Domain over a domain over a domain';

CREATE DOMAIN c_name AS text COLLATE "C" NOT NULL CHECK (VALUE <> '');

CREATE DOMAIN int_list AS integer[] CONSTRAINT int_list_small CHECK (cardinality(VALUE) <= 10);

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
