-- Sequences: options changed (AS type, INCREMENT, MIN/MAX, START, CACHE, CYCLE), OWNED BY added/removed, descending sequence, sequence used by a column default, sequence comments, sequences created/dropped incl. in another schema.
CREATE SCHEMA app;

CREATE SEQUENCE invoice_no_seq START WITH 1000 INCREMENT BY 1;
COMMENT ON SEQUENCE invoice_no_seq IS 'Invoice numbers';

CREATE SEQUENCE ticket_seq AS smallint INCREMENT BY 5 MINVALUE 10 MAXVALUE 30000 START WITH 10 CACHE 10 CYCLE;

CREATE SEQUENCE old_seq;
COMMENT ON SEQUENCE old_seq IS 'Dropped in B';

CREATE SEQUENCE countdown_seq INCREMENT BY -1 MINVALUE -1000 MAXVALUE 0 START WITH 0;

CREATE SEQUENCE orphan_seq;

CREATE TABLE invoices (
    id     integer NOT NULL DEFAULT nextval('invoice_no_seq'),
    ref_no bigint,
    batch  integer
);

CREATE SEQUENCE batch_seq OWNED BY invoices.batch;
