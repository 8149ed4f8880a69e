-- Sequences: options changed (AS type, INCREMENT, MIN/MAX, START, CACHE, CYCLE), OWNED BY added/removed, descending sequence, sequence used by a column default, sequence comments, sequences created/dropped incl. in another schema.
CREATE SCHEMA app;

CREATE SEQUENCE invoice_no_seq START WITH 1000 INCREMENT BY 10 CACHE 20;
COMMENT ON SEQUENCE invoice_no_seq IS 'Invoice numbers (step 10 leaves room for manual corrections)';

CREATE SEQUENCE ticket_seq AS integer INCREMENT BY 5 MINVALUE 10 MAXVALUE 2000000 START WITH 20 CACHE 10 NO CYCLE;

CREATE SEQUENCE countdown_seq INCREMENT BY -1 MINVALUE -1000 MAXVALUE 0 START WITH 0;

CREATE SEQUENCE orphan_seq;

CREATE TABLE invoices (
    id     integer NOT NULL DEFAULT nextval('invoice_no_seq'),
    ref_no bigint,
    batch  integer
);
ALTER SEQUENCE invoice_no_seq OWNED BY invoices.id;
ALTER SEQUENCE orphan_seq OWNED BY invoices.ref_no;

CREATE SEQUENCE batch_seq;

CREATE SEQUENCE app.global_id_seq AS bigint START WITH 1000000 INCREMENT BY 1 CACHE 100;
COMMENT ON SEQUENCE app.global_id_seq IS 'Cluster-wide ids';
