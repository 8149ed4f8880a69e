package dev.dbops.diff;

import dev.dbops.schema.Grant;
import dev.dbops.schema.Namespace;
import dev.dbops.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Applies a {@link SchemaDiff}'s ignore options to a schema by rewriting its records: owners
 * blanked, grants or comments dropped, ignored objects removed. Both sides of a comparison are
 * normalized the same way, so what is ignored can never show up as a difference or in a plan.
 */
final class SchemaNormalizer {

    private final boolean ignoreOwners;
    private final boolean ignoreGrants;
    private final boolean ignoreComments;
    private final Predicate<String[]> ignored;
    private final boolean ignoresNothing;

    SchemaNormalizer(boolean ignoreOwners, boolean ignoreGrants, boolean ignoreComments, boolean ignoresNoObject,
            Predicate<String[]> ignored) {
        this.ignoreOwners = ignoreOwners;
        this.ignoreGrants = ignoreGrants;
        this.ignoreComments = ignoreComments;
        this.ignored = ignored;
        this.ignoresNothing = !ignoreOwners && !ignoreGrants && !ignoreComments && ignoresNoObject;
    }

    Schema normalize(Schema schema) {
        return ignoresNothing ? schema : (Schema) rewrite(schema);
    }

    private Object rewrite(Object value) {
        if (value instanceof List<?> list) {
            List<Object> result = new ArrayList<>(list.size());
            for (Object item : list) {
                if (!(item instanceof Record record && isIgnored(record))) {
                    result.add(rewrite(item));
                }
            }
            return result;
        }
        if (value instanceof Optional<?> optional) {
            return optional.map(this::rewrite);
        }
        if (value instanceof Record record) {
            return rewriteRecord(record);
        }
        return value;
    }

    private Object rewriteRecord(Record record) {
        RecordParts parts = RecordParts.of(record.getClass());
        int size = parts.names.size();
        Object[] values = new Object[size];
        Object owner = null;
        for (int i = 0; i < size; i++) {
            values[i] = parts.get(i, record);
            if (parts.names.get(i).equals("owner")) {
                owner = values[i];
            }
        }
        for (int i = 0; i < size; i++) {
            String name = parts.names.get(i);
            if (ignoreOwners && name.equals("owner")) {
                values[i] = "";
            } else if (name.equals("grants")) {
                values[i] = ignoreGrants ? List.of() : withoutOwner(values[i], ignoreOwners ? owner : null);
            } else if (ignoreComments && name.equals("comment")) {
                values[i] = Optional.empty();
            } else {
                values[i] = rewrite(values[i]);
            }
        }
        return parts.construct(values);
    }

    /** Without owners, the owner's own privileges name a role that is not compared: drop them. */
    private static Object withoutOwner(Object grants, Object owner) {
        if (owner == null) {
            return grants;
        }
        List<Grant> result = new ArrayList<>();
        for (Object grant : (List<?>) grants) {
            if (!((Grant) grant).grantee().equals(owner)) {
                result.add((Grant) grant);
            }
        }
        return result;
    }

    private boolean isIgnored(Record record) {
        String schema = stringComponent(record, "schema");
        String name = stringComponent(record, "name");
        if (record instanceof Namespace) {
            return ignored.test(new String[] {name, null});
        }
        if (schema == null || name == null) {
            return false;
        }
        return ignored.test(new String[] {schema, name});
    }

    private static String stringComponent(Record record, String componentName) {
        RecordParts parts = RecordParts.of(record.getClass());
        int index = parts.names.indexOf(componentName);
        if (index < 0) {
            return null;
        }
        return parts.get(index, record) instanceof String text ? text : null;
    }
}
