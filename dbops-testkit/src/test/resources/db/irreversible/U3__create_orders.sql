-- a typo in the table name
DROP TABLE orderz;
