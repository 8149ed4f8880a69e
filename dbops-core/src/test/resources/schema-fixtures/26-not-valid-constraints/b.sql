-- NOT VALID constraints: CHECK and FK NOT VALID kept, NOT VALID -> validated (CHECK and FK), validated -> NOT VALID, new NOT VALID CHECK and FK on a new table.
CREATE TABLE accounts (
    id integer PRIMARY KEY
);

CREATE TABLE payments (
    id         integer PRIMARY KEY,
    account_id integer,
    amount     numeric,
    currency   text
);
ALTER TABLE payments ADD CONSTRAINT payments_amount_positive CHECK (amount > 0) NOT VALID;
ALTER TABLE payments ADD CONSTRAINT payments_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;
ALTER TABLE payments VALIDATE CONSTRAINT payments_account_fk;
ALTER TABLE payments ADD CONSTRAINT payments_currency_chk CHECK (currency ~ '^[A-Z]{3}$');
ALTER TABLE payments ADD CONSTRAINT payments_id_chk CHECK (id > 0) NOT VALID;

CREATE TABLE refunds (
    id         integer PRIMARY KEY,
    payment_id integer,
    amount     numeric
);
ALTER TABLE refunds ADD CONSTRAINT refunds_payment_fk FOREIGN KEY (payment_id) REFERENCES payments (id) ON DELETE CASCADE NOT VALID;
ALTER TABLE refunds ADD CONSTRAINT refunds_amount_chk CHECK (amount <> 0) NOT VALID;
