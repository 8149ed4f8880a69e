-- tenant data
CREATE TABLE ${tenant}_data (id int);
CREATE TABLE ${flyway:defaultSchema}.audit (id int);
SELECT '$${kept}';
