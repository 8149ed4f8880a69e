package dev.dbops.migration;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * Flyway's per-script configuration, read from the {@code .conf} file next to a script
 * ({@code V1__x.sql.conf}): {@code executeInTransaction}, {@code encoding}, {@code placeholderReplacement}
 * and {@code shouldExecute} (a Flyway Teams condition; read, not evaluated). Flyway 13 reads script
 * configuration from that file only; a {@code -- flyway:…} comment in the script is just a comment.
 *
 * @param executeInTransaction overrides Flyway's decision to wrap the script in a transaction
 * @param encoding the script's encoding, when not UTF-8
 * @param placeholderReplacement whether placeholders are replaced in this script
 * @param problems what Flyway would reject in the file: unknown keys, invalid values
 */
record ScriptConfig(
        Optional<Boolean> executeInTransaction,
        Optional<Charset> encoding,
        Optional<Boolean> placeholderReplacement,
        List<String> problems) {

    static final String EXTENSION = ".conf";
    static final ScriptConfig NONE = new ScriptConfig(Optional.empty(), Optional.empty(), Optional.empty(), List.of());

    private static final String EXECUTE_IN_TRANSACTION = "executeInTransaction";
    private static final String ENCODING = "encoding";
    private static final String PLACEHOLDER_REPLACEMENT = "placeholderReplacement";
    private static final String SHOULD_EXECUTE = "shouldExecute";

    /** Reads the text of a {@code .conf} file (placeholders already replaced, as Flyway does). */
    static ScriptConfig parse(String text) {
        Properties properties = new Properties();
        List<String> problems = new ArrayList<>();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            return new ScriptConfig(Optional.empty(), Optional.empty(), Optional.empty(),
                    List.of("cannot read the script configuration: " + e.getMessage()));
        }
        Optional<Boolean> executeInTransaction = bool(properties, EXECUTE_IN_TRANSACTION, problems);
        Optional<Boolean> placeholderReplacement = bool(properties, PLACEHOLDER_REPLACEMENT, problems);
        Optional<Charset> encoding = Optional.ofNullable(properties.getProperty(ENCODING))
                .map(String::strip)
                .flatMap(name -> charset(name, problems));
        for (String key : properties.stringPropertyNames()) {
            if (!List.of(EXECUTE_IN_TRANSACTION, ENCODING, PLACEHOLDER_REPLACEMENT, SHOULD_EXECUTE).contains(key)) {
                problems.add("unknown script configuration key '" + key + "': Flyway refuses the migration;"
                        + " the keys are " + EXECUTE_IN_TRANSACTION + ", " + ENCODING + ", " + PLACEHOLDER_REPLACEMENT
                        + " and " + SHOULD_EXECUTE);
            }
        }
        return new ScriptConfig(executeInTransaction, encoding, placeholderReplacement, List.copyOf(problems));
    }

    private static Optional<Boolean> bool(Properties properties, String key, List<String> problems) {
        String value = properties.getProperty(key);
        if (value == null) {
            return Optional.empty();
        }
        String normalized = value.strip().toLowerCase(Locale.ROOT);
        if (!normalized.equals("true") && !normalized.equals("false")) {
            problems.add(key + "=" + value.strip() + " is not a boolean: Flyway refuses the migration; use "
                    + key + "=true or " + key + "=false");
            return Optional.empty();
        }
        return Optional.of(Boolean.parseBoolean(normalized));
    }

    private static Optional<Charset> charset(String name, List<String> problems) {
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            problems.add("encoding=" + name + " is not a character set this JVM knows; the script was read as"
                    + " UTF-8. Use a name such as UTF-8 or ISO-8859-1");
            return Optional.empty();
        }
    }
}
