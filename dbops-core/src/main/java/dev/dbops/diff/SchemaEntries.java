package dev.dbops.diff;

import dev.dbops.schema.Column;
import dev.dbops.schema.Constraint;
import dev.dbops.schema.DefaultPrivilege;
import dev.dbops.schema.Index;
import dev.dbops.schema.ObjectKind;
import dev.dbops.schema.Policy;
import dev.dbops.schema.Schema;
import dev.dbops.schema.Table;
import dev.dbops.schema.Trigger;
import dev.dbops.schema.View;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Flattens a {@link Schema} into one entry per comparable object: tables lose their parts
 * (columns, constraints, indexes, triggers, policies), which become entries of their own, so
 * that a changed column is reported as a column, not as a changed table.
 */
final class SchemaEntries {

    /**
     * Record components that hold parts reported as entries of their own. ({@code dependsOn} is not
     * compared at all: it is derived from the definitions, and only orders a plan.)
     */
    private static final Set<String> PARTS = Set.of("columns", "constraints", "indexes", "triggers", "policies");

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

    private SchemaEntries() {
    }

    /** One comparable object: its kind, display name and properties in declaration order. */
    record Entry(ObjectKind kind, String name, Map<String, Object> properties) {
    }

    /** Entries keyed by kind and name, in a stable order. */
    static Map<String, Entry> of(Schema schema) {
        Map<String, Entry> entries = new TreeMap<>();
        schema.schemas().forEach(n -> add(entries, ObjectKind.SCHEMA, name(n.name()), n));
        schema.extensions().forEach(e -> add(entries, ObjectKind.EXTENSION, name(e.name()), e));
        schema.enums().forEach(t -> add(entries, ObjectKind.ENUM, name(t.schema(), t.name()), t));
        schema.domains().forEach(t -> add(entries, ObjectKind.DOMAIN, name(t.schema(), t.name()), t));
        schema.compositeTypes().forEach(t -> add(entries, ObjectKind.COMPOSITE_TYPE, name(t.schema(), t.name()), t));
        schema.rangeTypes().forEach(t -> add(entries, ObjectKind.RANGE_TYPE, name(t.schema(), t.name()), t));
        schema.sequences().forEach(s -> add(entries, ObjectKind.SEQUENCE, name(s.schema(), s.name()), s));
        schema.functions().forEach(f -> add(entries, ObjectKind.FUNCTION,
                name(f.schema(), f.name()) + "(" + f.arguments() + ")", f));
        for (DefaultPrivilege p : schema.defaultPrivileges()) {
            String scope = p.schema().map(s -> " in schema " + name(s)).orElse("");
            add(entries, ObjectKind.DEFAULT_PRIVILEGE,
                    "for role " + name(p.role()) + scope + " on " + p.objectType().toLowerCase(), p);
        }
        for (Table table : schema.tables()) {
            String tableName = name(table.schema(), table.name());
            add(entries, ObjectKind.TABLE, tableName, table);
            for (Column column : table.columns()) {
                add(entries, ObjectKind.COLUMN, tableName + "." + name(column.name()), column);
            }
            for (Constraint constraint : table.constraints()) {
                add(entries, ObjectKind.CONSTRAINT, tableName + "." + name(constraint.name()), constraint);
            }
            for (Index index : table.indexes()) {
                add(entries, ObjectKind.INDEX, name(table.schema(), index.name()), index);
            }
            for (Trigger trigger : table.triggers()) {
                add(entries, ObjectKind.TRIGGER, tableName + "." + name(trigger.name()), trigger);
            }
            for (Policy policy : table.policies()) {
                add(entries, ObjectKind.POLICY, tableName + "." + name(policy.name()), policy);
            }
        }
        for (View view : schema.views()) {
            add(entries, view.kind(), name(view.schema(), view.name()), view);
            for (Index index : view.indexes()) {
                add(entries, ObjectKind.INDEX, name(view.schema(), index.name()), index);
            }
            for (Trigger trigger : view.triggers()) {
                add(entries, ObjectKind.TRIGGER, name(view.schema(), view.name()) + "." + name(trigger.name()), trigger);
            }
        }
        return entries;
    }

    private static void add(Map<String, Entry> entries, ObjectKind kind, String name, Record value) {
        char order = (char) ('A' + kind.ordinal());
        entries.put(order + name, new Entry(kind, name, properties(value)));
    }

    private static Map<String, Object> properties(Record value) {
        RecordParts parts = RecordParts.of(value.getClass());
        boolean container = value instanceof Table || value instanceof View;
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < parts.names.size(); i++) {
            String name = parts.names.get(i);
            if (name.equals("dependsOn")
                    || container && PARTS.contains(name) && !(value instanceof View && name.equals("columns"))) {
                continue;
            }
            properties.put(name, parts.get(i, value));
        }
        return properties;
    }

    /** A name for people: plain lower-case names as they are, anything else in double quotes. */
    static String name(String... parts) {
        StringBuilder result = new StringBuilder();
        for (String part : parts) {
            if (result.length() > 0) {
                result.append('.');
            }
            result.append(PLAIN.matcher(part).matches() ? part : '"' + part.replace("\"", "\"\"") + '"');
        }
        return result.toString();
    }
}
