-- Views: added, dropped, definition changed (incl. a view on a view that must follow), security_barrier / security_invoker (PG15+) options, LOCAL -> CASCADED CHECK OPTION, column aliases, RECURSIVE view, view and view-column comments.
CREATE TABLE employees (
    id     integer PRIMARY KEY,
    name   text NOT NULL,
    dept   text,
    salary numeric(10,2),
    active boolean NOT NULL DEFAULT true
);

CREATE VIEW active_employees AS
    SELECT id, name, dept
    FROM employees
    WHERE active;
COMMENT ON VIEW active_employees IS 'Currently employed';
COMMENT ON COLUMN active_employees.name IS 'Full name';

CREATE VIEW dept_summary AS
    SELECT dept, count(*) AS headcount
    FROM active_employees
    GROUP BY dept;

CREATE VIEW old_view AS SELECT 1 AS one;

CREATE VIEW salaries WITH (security_barrier) AS
    SELECT id, salary FROM employees;

CREATE VIEW engineers AS
    SELECT id, name, dept FROM employees WHERE dept = 'eng'
    WITH LOCAL CHECK OPTION;
