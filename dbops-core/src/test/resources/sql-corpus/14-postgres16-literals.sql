-- statements: 3
-- requires: 16
-- Numeric literals PostgreSQL 16 added (underscores, hexadecimal, octal, binary) and \v as whitespace.
CREATE TABLE big (n bigint, m numeric);
INSERT INTO big VALUES (1_000_000, 0x1F), (0o17, 0b1010), (0x_FF, 1_000.000_5);
SELECT n + 1_0 AS x, m FROM big WHERE n > 0B1 AND m < 1e1_0
