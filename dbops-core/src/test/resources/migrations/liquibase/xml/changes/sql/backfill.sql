UPDATE users
SET name = email
WHERE name IS NULL;
