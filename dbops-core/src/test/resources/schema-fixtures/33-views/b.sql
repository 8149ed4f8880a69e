-- Views: added, dropped, definition changed (incl. a view on a view that must follow), security_barrier / security_invoker (PG15+) options, LOCAL -> CASCADED CHECK OPTION, column aliases, RECURSIVE view, view and view-column comments.
CREATE TABLE employees (
    id         integer PRIMARY KEY,
    name       text NOT NULL,
    dept       text,
    salary     numeric(10,2),
    active     boolean NOT NULL DEFAULT true,
    manager_id integer
);

CREATE VIEW active_employees AS
    SELECT id, name, dept, salary
    FROM employees
    WHERE active AND dept IS NOT NULL;
COMMENT ON VIEW active_employees IS 'Currently employed and assigned to a department';
COMMENT ON COLUMN active_employees.name IS 'Full name';
COMMENT ON COLUMN active_employees.salary IS 'Monthly, EUR';

CREATE VIEW dept_summary AS
    SELECT dept, count(*) AS headcount, avg(salary) AS avg_salary
    FROM active_employees
    GROUP BY dept;

CREATE VIEW salaries WITH (security_invoker = true) AS
    SELECT id, salary FROM employees;

CREATE VIEW engineers AS
    SELECT id, name, dept FROM employees WHERE dept = 'eng'
    WITH CASCADED CHECK OPTION;

CREATE VIEW high_earners (employee_id, employee_name, monthly) WITH (security_barrier = true) AS
    SELECT id, name, salary FROM employees WHERE salary > 10000
    WITH CASCADED CHECK OPTION;

CREATE RECURSIVE VIEW org_chart (id, manager_id, depth) AS
    SELECT id, manager_id, 0 FROM employees WHERE manager_id IS NULL
    UNION ALL
    SELECT e.id, e.manager_id, o.depth + 1
    FROM employees e JOIN org_chart o ON e.manager_id = o.id;
COMMENT ON VIEW org_chart IS 'Reporting lines';
