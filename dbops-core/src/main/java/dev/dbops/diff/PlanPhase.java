package dev.dbops.diff;

/**
 * The preferred position of a statement in a plan. Dependencies between statements decide the
 * order first; among statements that are free to run, the earlier phase runs first, so that
 * dependents are dropped before what they use and everything is created before what needs it.
 */
enum PlanPhase {
    DROP_TRIGGER,
    DROP_POLICY,
    DROP_VIEW,
    DROP_FOREIGN_KEY,
    DROP_CONSTRAINT,
    DROP_INDEX,
    DETACH,
    SCHEMA,
    EXTENSION,
    TYPE,
    SEQUENCE,
    FUNCTION,
    TABLE,
    COLUMN,
    DROP_TABLE,
    DROP_SEQUENCE,
    ATTACH,
    CONSTRAINT,
    FOREIGN_KEY,
    INDEX,
    VIEW,
    TRIGGER,
    POLICY,
    ROW_SECURITY,
    SEQUENCE_OWNED_BY,
    DROP_FUNCTION,
    DROP_TYPE,
    DROP_EXTENSION,
    DROP_SCHEMA,
    COMMENT,
    GRANT,
    DEFAULT_PRIVILEGES
}
