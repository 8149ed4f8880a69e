package dev.dbops.sql;

import dev.dbops.LockMode;
import java.util.List;
import java.util.Optional;

/**
 * A parsed SQL statement: the typed model lint rules read. Every statement keeps its
 * {@link SqlStatement source} (text, position, tokens). Statements dbops understands well enough to
 * know they are harmless are {@link Other}; statements it could not classify are {@link Unparsed}
 * and are reported as not inspected, never guessed at.
 */
public sealed interface Statement {

    /** The statement's text, position and tokens in its script. */
    SqlStatement source();

    /**
     * {@code CREATE [UNLOGGED|TEMP] TABLE}, including {@code PARTITION OF}, {@code LIKE} and {@code AS SELECT}.
     *
     * @param partitionBound for {@code PARTITION OF}: {@code FOR VALUES …} or {@code DEFAULT}, as written
     */
    record CreateTable(SqlStatement source, QualifiedName table, boolean ifNotExists, boolean temporary,
            boolean unlogged, List<ColumnDefinition> columns, List<TableConstraint> constraints,
            List<QualifiedName> likeTables, Optional<QualifiedName> partitionOf, Optional<String> partitionBound,
            Optional<String> partitionBy, boolean asQuery) implements Statement {

        /** Copies the lists. */
        public CreateTable {
            columns = List.copyOf(columns);
            constraints = List.copyOf(constraints);
            likeTables = List.copyOf(likeTables);
        }
    }

    /** {@code ALTER TABLE [IF EXISTS] [ONLY] name action [, …]}. */
    record AlterTable(SqlStatement source, QualifiedName table, boolean ifExists, List<AlterTableAction> actions)
            implements Statement {

        /** Copies the actions. */
        public AlterTable {
            actions = List.copyOf(actions);
        }
    }

    /**
     * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON [ONLY] table …}.
     *
     * @param elements the indexed columns and expressions as written
     * @param where the predicate of a partial index
     */
    record CreateIndex(SqlStatement source, Optional<String> name, QualifiedName table, boolean unique,
            boolean concurrently, boolean ifNotExists, boolean only, String method, List<String> elements,
            Optional<Expression> where) implements Statement {

        /** Copies the elements. */
        public CreateIndex {
            elements = List.copyOf(elements);
        }
    }

    /**
     * {@code DROP kind [CONCURRENTLY] [IF EXISTS] names [CASCADE]}, for every kind of object.
     *
     * @param onTable the table of {@code DROP TRIGGER/POLICY/RULE name ON table}
     */
    record Drop(SqlStatement source, ObjectKind kind, List<QualifiedName> names, boolean concurrently,
            boolean ifExists, boolean cascade, Optional<QualifiedName> onTable) implements Statement {

        /** Copies the names. */
        public Drop {
            names = List.copyOf(names);
        }
    }

    /** {@code REINDEX [(options)] INDEX|TABLE|SCHEMA|DATABASE|SYSTEM [CONCURRENTLY] name}. */
    record Reindex(SqlStatement source, ObjectKind target, Optional<QualifiedName> name, boolean concurrently)
            implements Statement {
    }

    /** {@code ALTER TYPE name ADD VALUE …} and {@code RENAME VALUE …}; other forms are {@code Other}. */
    record AlterEnum(SqlStatement source, QualifiedName type, boolean addValue, String value,
            Optional<String> renamedFrom, boolean ifNotExists) implements Statement {
    }

    /** {@code CREATE DOMAIN name AS type [constraints]}. */
    record CreateDomain(SqlStatement source, QualifiedName domain, TypeName type, boolean notNull,
            List<Expression> checks) implements Statement {

        /** Copies the checks. */
        public CreateDomain {
            checks = List.copyOf(checks);
        }
    }

    /**
     * {@code ALTER DOMAIN name ADD CONSTRAINT … [NOT VALID]}, {@code VALIDATE CONSTRAINT}, {@code SET NOT NULL},
     * and other forms (with {@code change} naming the key words).
     *
     * @param change the leading key words in upper case: {@code ADD}, {@code ADD NOT NULL}, {@code VALIDATE
     *     CONSTRAINT}, {@code SET NOT NULL}…
     * @param constraintName the constraint named by {@code ADD CONSTRAINT n}, {@code VALIDATE CONSTRAINT n} or
     *     {@code DROP CONSTRAINT n}
     * @param check the condition of {@code ADD … CHECK}
     */
    record AlterDomain(SqlStatement source, QualifiedName domain, String change, Optional<String> constraintName,
            Optional<Expression> check, boolean notValid) implements Statement {
    }

    /** {@code CREATE [OR REPLACE] [TEMP] [MATERIALIZED] VIEW}. */
    record CreateView(SqlStatement source, QualifiedName view, boolean orReplace, boolean materialized,
            boolean withNoData) implements Statement {
    }

    /** {@code REFRESH MATERIALIZED VIEW [CONCURRENTLY] name [WITH [NO] DATA]}. */
    record RefreshMaterializedView(SqlStatement source, QualifiedName view, boolean concurrently, boolean withNoData)
            implements Statement {
    }

    /** {@code CREATE [OR REPLACE] [CONSTRAINT] TRIGGER name … ON table}. */
    record CreateTrigger(SqlStatement source, String name, QualifiedName table, boolean orReplace)
            implements Statement {
    }

    /** {@code LOCK [TABLE] [ONLY] names [IN mode MODE] [NOWAIT]}. */
    record LockTable(SqlStatement source, List<QualifiedName> tables, LockMode mode, boolean nowait)
            implements Statement {

        /** Copies the tables. */
        public LockTable {
            tables = List.copyOf(tables);
        }
    }

    /** {@code VACUUM [FULL] [(options)] [tables]}; {@code full} also when given as option {@code FULL}. */
    record Vacuum(SqlStatement source, boolean full, List<QualifiedName> tables) implements Statement {

        /** Copies the tables. */
        public Vacuum {
            tables = List.copyOf(tables);
        }
    }

    /** {@code CLUSTER [table [USING index]]}. */
    record Cluster(SqlStatement source, Optional<QualifiedName> table) implements Statement {
    }

    /** {@code TRUNCATE [TABLE] [ONLY] names [CASCADE]}. */
    record Truncate(SqlStatement source, List<QualifiedName> tables, boolean cascade) implements Statement {

        /** Copies the tables. */
        public Truncate {
            tables = List.copyOf(tables);
        }
    }

    /**
     * {@code INSERT}, {@code UPDATE}, {@code DELETE}, {@code MERGE} or {@code COPY … FROM} on one table.
     *
     * @param hasWhere whether an {@code UPDATE}/{@code DELETE} has a {@code WHERE} clause (a filtered,
     *     possibly batched change) — {@code INSERT … SELECT} and {@code MERGE} report false
     */
    record DataChange(SqlStatement source, DataChangeKind kind, QualifiedName table, boolean hasWhere)
            implements Statement {
    }

    /**
     * {@code SET [SESSION|LOCAL] name {TO|=} value}, {@code RESET name}, {@code RESET ALL}, and
     * {@code SELECT set_config('name', 'value', is_local)}.
     *
     * @param name the parameter name, lower case ({@code all} for {@code RESET ALL})
     * @param value the value as written (quotes removed); empty for RESET and {@code SET … TO DEFAULT}
     * @param local whether the setting lasts only until the end of the transaction
     */
    record SetParameter(SqlStatement source, String name, Optional<String> value, boolean local)
            implements Statement {
    }

    /** Transaction control: {@code BEGIN}, {@code COMMIT}, {@code ROLLBACK}, savepoints. */
    record TransactionControl(SqlStatement source, TransactionCommand command) implements Statement {
    }

    /**
     * {@code DO [LANGUAGE l] $$ body $$}: the plain SQL statements found in a PL/pgSQL body are parsed as
     * {@code statements}; {@code fullyInspected} is false when the body holds anything dbops could not
     * follow ({@code EXECUTE} of a string, loops with DDL, other languages).
     */
    record DoBlock(SqlStatement source, String language, List<Statement> statements, boolean fullyInspected)
            implements Statement {

        /** Copies the statements. */
        public DoBlock {
            statements = List.copyOf(statements);
        }
    }

    /**
     * A statement dbops recognises and treats as having no lock-safety impact of its own
     * ({@code CREATE FUNCTION}, {@code GRANT}, {@code COMMENT}, {@code CREATE SEQUENCE}, {@code SELECT}…).
     *
     * @param command the leading key words in upper case, e.g. {@code CREATE FUNCTION}
     * @param ifExistsClause whether it carries {@code IF [NOT] EXISTS} or {@code OR REPLACE}
     */
    record Other(SqlStatement source, String command, boolean ifExistsClause) implements Statement {
    }

    /**
     * A statement dbops could not classify; it is reported as not inspected.
     *
     * @param reason why, e.g. "unknown command MERGE INTO … WHEN" or "expected a table name at 3:14"
     */
    record Unparsed(SqlStatement source, String reason) implements Statement {
    }

    /** The kinds of objects {@code DROP} and {@code REINDEX} name. */
    enum ObjectKind {
        TABLE, INDEX, VIEW, MATERIALIZED_VIEW, SEQUENCE, SCHEMA, DATABASE, TYPE, DOMAIN, FUNCTION, PROCEDURE,
        TRIGGER, POLICY, EXTENSION, RULE, SYSTEM, OTHER
    }

    /** The data-changing commands. */
    enum DataChangeKind {
        INSERT, UPDATE, DELETE, MERGE, COPY
    }

    /** Transaction-control commands. */
    enum TransactionCommand {
        /** {@code BEGIN} or {@code START TRANSACTION}. */
        BEGIN,
        /** {@code COMMIT} or {@code END}. */
        COMMIT,
        /** {@code ROLLBACK} or {@code ABORT}. */
        ROLLBACK,
        /** {@code SAVEPOINT}, {@code RELEASE}, {@code ROLLBACK TO}. */
        SAVEPOINT,
        /** {@code PREPARE TRANSACTION}, {@code COMMIT/ROLLBACK PREPARED}. */
        TWO_PHASE
    }
}
