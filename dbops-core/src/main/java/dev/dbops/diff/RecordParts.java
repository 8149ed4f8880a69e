package dev.dbops.diff;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * The components of a model record class, looked up once per class: their names, and method
 * handles to read them and to call the canonical constructor. Reflection on every comparison
 * made a 2,000-table diff take seconds.
 */
final class RecordParts {

    private static final ClassValue<RecordParts> CACHE = new ClassValue<>() {
        @Override
        protected RecordParts computeValue(Class<?> type) {
            return new RecordParts(type);
        }
    };

    final List<String> names;
    private final MethodHandle[] accessors;
    private final MethodHandle constructor;

    private RecordParts(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        String[] componentNames = new String[components.length];
        Class<?>[] types = new Class<?>[components.length];
        accessors = new MethodHandle[components.length];
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        try {
            for (int i = 0; i < components.length; i++) {
                componentNames[i] = components[i].getName();
                types[i] = components[i].getType();
                accessors[i] = lookup.unreflect(components[i].getAccessor());
            }
            constructor = lookup.findConstructor(type, MethodType.methodType(void.class, types));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the components of " + type.getName(), e);
        }
        names = List.of(componentNames);
    }

    static RecordParts of(Class<?> type) {
        return CACHE.get(type);
    }

    Object get(int index, Object record) {
        try {
            return accessors[index].invoke(record);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read " + names.get(index), e);
        }
    }

    Object construct(Object[] values) {
        try {
            return constructor.invokeWithArguments(values);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot rebuild a record", e);
        }
    }
}
