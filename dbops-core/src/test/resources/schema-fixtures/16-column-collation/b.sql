-- Column collations: default->"C", "C"->default, "POSIX"->"C", unchanged "C", new column with "POSIX", collation change on an indexed column and on a column used by an index with its own COLLATE.
CREATE TABLE names (
    a text COLLATE "C",
    b text,
    c varchar(30) COLLATE "C",
    d text COLLATE "C",
    e text COLLATE "POSIX",
    f text COLLATE "POSIX"
);
CREATE INDEX names_b_idx ON names (b);
CREATE INDEX names_e_c_idx ON names (e COLLATE "C");
