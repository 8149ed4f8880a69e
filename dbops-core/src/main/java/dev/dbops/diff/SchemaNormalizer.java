package dev.dbops.diff;

import dev.dbops.schema.Grant;
import dev.dbops.schema.Namespace;
import dev.dbops.schema.Schema;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
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

    SchemaNormalizer(boolean ignoreOwners, boolean ignoreGrants, boolean ignoreComments, Predicate<String[]> ignored) {
        this.ignoreOwners = ignoreOwners;
        this.ignoreGrants = ignoreGrants;
        this.ignoreComments = ignoreComments;
        this.ignored = ignored;
    }

    Schema normalize(Schema schema) {
        return (Schema) rewrite(schema);
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
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        Object owner = null;
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = read(components[i], record);
            if (components[i].getName().equals("owner")) {
                owner = values[i];
            }
        }
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
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
        try {
            Constructor<?> constructor = record.getClass().getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rebuild " + record.getClass().getSimpleName(), e);
        }
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
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getName().equals(componentName) && component.getType() == String.class) {
                return (String) read(component, record);
            }
        }
        return null;
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }
}
