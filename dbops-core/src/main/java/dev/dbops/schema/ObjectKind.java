package dev.dbops.schema;

/** The kinds of database objects the schema engine reads, compares and plans. */
public enum ObjectKind {
    SCHEMA("schema"),
    EXTENSION("extension"),
    ENUM("enum"),
    DOMAIN("domain"),
    COMPOSITE_TYPE("composite type"),
    RANGE_TYPE("range type"),
    SEQUENCE("sequence"),
    TABLE("table"),
    COLUMN("column"),
    CONSTRAINT("constraint"),
    INDEX("index"),
    TRIGGER("trigger"),
    POLICY("policy"),
    VIEW("view"),
    MATERIALIZED_VIEW("materialized view"),
    FUNCTION("function"),
    DEFAULT_PRIVILEGE("default privileges");

    private final String label;

    ObjectKind(String label) {
        this.label = label;
    }

    /** The lower-case name used in messages, e.g. {@code "materialized view"}. */
    public String label() {
        return label;
    }
}
