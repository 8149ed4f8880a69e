-- One row per book lent to a member, for a number of days.
CREATE TABLE loans (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    member_id bigint NOT NULL REFERENCES members (id),
    book_id bigint NOT NULL REFERENCES books (id),
    days integer NOT NULL CHECK (days BETWEEN 1 AND 60),
    lent_at timestamptz NOT NULL DEFAULT now()
);

-- loans is created in this very script, so a plain CREATE INDEX blocks no one (compare V3).
CREATE INDEX loans_book_id_idx ON loans (book_id);
