package dev.dbops.micronaut.config;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.core.naming.conventions.StringConvention;
import io.micronaut.core.value.PropertyResolver;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every {@code dbops.*} value before dbops uses it. Micronaut binds the setting groups with
 * {@code @ConfigurationBuilder}, which skips a value it cannot convert and keeps the default; dbops never
 * silently replaces a user's value, so an unconvertible value (a mistyped enum, a malformed duration) is an
 * error listing every such key, and an unknown key is logged as a warning ({@code dbops.test.*} belongs to
 * dbops's test provisioning, {@code dbops.test.postgres}, and is left alone).
 */
final class SettingsValidation {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsValidation.class);
    private static final Pattern DATASOURCE = Pattern.compile("datasources\\.([^.]+)\\.(.+)");
    private static final Pattern INDEX = Pattern.compile("\\[\\d+]$");
    private static final Map<String, Class<?>> GROUPS = groups();
    private static final Map<String, Class<?>> KEYS = keys();

    private SettingsValidation() {
    }

    /**
     * Checks every key under {@code dbops.}.
     *
     * @throws DbopsException with {@link ErrorCode#INVALID_CONFIGURATION} naming each value that cannot be
     *     converted, and the values accepted
     */
    static void check(PropertyResolver properties, ConversionService conversion) {
        Map<String, Object> values = new TreeMap<>(properties.getProperties(DbopsConfiguration.PREFIX,
                StringConvention.HYPHENATED));
        List<String> problems = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        values.forEach((rawKey, value) -> {
            String key = INDEX.matcher(rawKey).replaceAll("");
            Matcher perDataSource = DATASOURCE.matcher(key);
            String setting = perDataSource.matches() ? perDataSource.group(2) : key;
            Class<?> type = KEYS.get(setting);
            String full = DbopsConfiguration.PREFIX + "." + key;
            if (type == null) {
                if (!key.startsWith("test.") && (!key.startsWith("datasources.") || perDataSource.matches())) {
                    unknown.add(full);
                }
            } else if (!List.class.isAssignableFrom(type) && !(value instanceof Map) && !converts(conversion, value, type)) {
                problems.add(full + "=" + value + " is not " + expected(type));
            }
        });
        if (!unknown.isEmpty()) {
            LOG.warn("dbops ignores unknown configuration keys (see docs/micronaut.md for the keys): {}", unknown);
        }
        if (!problems.isEmpty()) {
            throw new DbopsException(ErrorCode.INVALID_CONFIGURATION, "invalid dbops configuration: "
                    + String.join("; ", problems));
        }
    }

    /** Whether the value converts to the type; a boolean must say true or false, not anything else read as false. */
    private static boolean converts(ConversionService conversion, Object value, Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            String text = value.toString().strip();
            return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false");
        }
        return conversion.convert(value, type).isPresent();
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
        }
        if (type == java.time.Duration.class) {
            return "a duration (such as 500ms, 30s, 5m, 25h, 2d or PT30S)";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        return "a " + type.getSimpleName().toLowerCase(Locale.ROOT);
    }

    private static Map<String, Class<?>> groups() {
        Map<String, Class<?>> groups = new LinkedHashMap<>();
        groups.put("", DbopsSettings.class);
        groups.put("guard", GuardSettings.class);
        groups.put("guard.lint", LintSettings.class);
        groups.put("guard.drift", DriftSettings.class);
        groups.put("pool", PoolSettings.class);
        groups.put("pool.sizing", PoolSizingSettings.class);
        groups.put("backup", BackupSettings.class);
        groups.put("backup.drill", DrillSettings.class);
        groups.put("replication", ReplicationSettings.class);
        groups.put("audit", AuditSettings.class);
        return groups;
    }

    /** Every key, relative to {@code dbops.}, with the type its setter takes. */
    private static Map<String, Class<?>> keys() {
        Map<String, Class<?>> keys = new LinkedHashMap<>();
        GROUPS.forEach((prefix, type) -> setters(type).forEach(setter -> keys.put(
                (prefix.isEmpty() ? "" : prefix + ".") + kebab(setter.getName().substring(3)),
                setter.getParameterTypes()[0])));
        return keys;
    }

    private static Collection<Method> setters(Class<?> type) {
        return Arrays.stream(type.getMethods()).filter(m -> m.getName().startsWith("set") && m.getParameterCount() == 1)
                .filter(m -> !Modifier.isStatic(m.getModifiers())).toList();
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** Every key this module reads, relative to {@code dbops.}, for documentation tests. */
    static Collection<String> knownKeys() {
        return KEYS.keySet();
    }
}
