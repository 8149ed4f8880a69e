-- forgets the phone column
ALTER TABLE users DROP COLUMN email;
