package dev.dbops.diff;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.schema.Schema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compares two {@link Schema}s and plans the DDL between them, with options to leave owners,
 * grants, comments, or named schemas and objects out of both.
 *
 * <pre>{@code
 * SchemaDiff diff = SchemaDiff.builder().ignoreOwners().ignoreSchemas("audit").build();
 * List<Difference> differences = diff.compare(expected, actual);
 * MigrationPlan plan = diff.plan(actual, expected);
 * }</pre>
 */
public final class SchemaDiff {

    private final SchemaNormalizer normalizer;

    private SchemaDiff(SchemaNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    /** Starts configuring a diff; by default everything is compared. */
    public static Builder builder() {
        return new Builder();
    }

    /** Every difference going from {@code from} to {@code to}, ordered by object kind and name. */
    public List<Difference> compare(Schema from, Schema to) {
        Map<String, SchemaEntries.Entry> before = SchemaEntries.of(normalize(from));
        Map<String, SchemaEntries.Entry> after = SchemaEntries.of(normalize(to));
        Set<String> keys = new java.util.TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<Difference> differences = new ArrayList<>();
        for (String key : keys) {
            SchemaEntries.Entry a = before.get(key);
            SchemaEntries.Entry b = after.get(key);
            if (a == null) {
                differences.add(new Difference(b.kind(), b.name(), Difference.Change.ADDED, List.of()));
            } else if (b == null) {
                differences.add(new Difference(a.kind(), a.name(), Difference.Change.REMOVED, List.of()));
            } else if (!a.properties().equals(b.properties())) {
                differences.add(new Difference(a.kind(), a.name(), Difference.Change.CHANGED, fields(a, b)));
            }
        }
        return differences;
    }

    /** The DDL that turns {@code from} into {@code to}, leaving out what this diff ignores. */
    public MigrationPlan plan(Schema from, Schema to) {
        return MigrationPlan.between(normalize(from), normalize(to));
    }

    /** The schema as this diff sees it: ignored owners, grants, comments and objects removed. */
    public Schema normalize(Schema schema) {
        return normalizer.normalize(Objects.requireNonNull(schema, "schema"));
    }

    private static List<Difference.FieldChange> fields(SchemaEntries.Entry a, SchemaEntries.Entry b) {
        List<Difference.FieldChange> fields = new ArrayList<>();
        a.properties().forEach((name, value) -> {
            Object other = b.properties().get(name);
            if (!Objects.equals(value, other)) {
                fields.add(new Difference.FieldChange(name, render(value), render(other)));
            }
        });
        return fields;
    }

    private static String render(Object value) {
        if (value instanceof Optional<?> optional) {
            return optional.map(SchemaDiff::render).orElse("(none)");
        }
        if (value instanceof String text) {
            return text.isEmpty() ? "''" : text;
        }
        if (value instanceof List<?> list && list.isEmpty()) {
            return "(none)";
        }
        return String.valueOf(value);
    }

    /** Configures a {@link SchemaDiff}. */
    public static final class Builder {

        private boolean ignoreOwners;
        private boolean ignoreGrants;
        private boolean ignoreComments;
        private final Set<String> ignoreSchemas = new LinkedHashSet<>();
        private final Set<String> ignoreObjects = new LinkedHashSet<>();

        private Builder() {
        }

        /** Leaves object owners out of the comparison (they usually differ between environments). */
        public Builder ignoreOwners() {
            this.ignoreOwners = true;
            return this;
        }

        /** Leaves privileges (GRANTs and default privileges' grants) out of the comparison. */
        public Builder ignoreGrants() {
            this.ignoreGrants = true;
            return this;
        }

        /** Leaves comments out of the comparison. */
        public Builder ignoreComments() {
            this.ignoreComments = true;
            return this;
        }

        /** Leaves these schemas, and everything in them, out of the comparison. */
        public Builder ignoreSchemas(String... schemas) {
            ignoreSchemas.addAll(List.of(schemas));
            return this;
        }

        /**
         * Leaves objects out of the comparison by {@code schema.name} pattern, where {@code *}
         * matches any run of characters: {@code public.flyway_schema_history}, {@code audit.*_log}.
         * Applies to tables, views, sequences, functions (by name, all overloads) and types.
         */
        public Builder ignoreObjects(String... patterns) {
            ignoreObjects.addAll(List.of(patterns));
            return this;
        }

        /**
         * Builds the diff.
         *
         * @throws DbopsException with {@link ErrorCode#INVALID_CONFIGURATION} for a pattern without
         *     a {@code schema.} part
         */
        public SchemaDiff build() {
            List<String> problems = new ArrayList<>();
            List<Pattern[]> patterns = new ArrayList<>();
            for (String pattern : ignoreObjects) {
                int dot = pattern.indexOf('.');
                if (dot <= 0 || dot == pattern.length() - 1) {
                    problems.add("ignored object pattern '" + pattern + "' must look like schema.name (use * as a"
                            + " wildcard, e.g. public.*_audit)");
                    continue;
                }
                patterns.add(new Pattern[] {glob(pattern.substring(0, dot)), glob(pattern.substring(dot + 1))});
            }
            if (!problems.isEmpty()) {
                throw new DbopsException(ErrorCode.INVALID_CONFIGURATION,
                        "invalid SchemaDiff options: " + String.join("; ", problems));
            }
            Set<String> schemas = Set.copyOf(ignoreSchemas);
            return new SchemaDiff(new SchemaNormalizer(ignoreOwners, ignoreGrants, ignoreComments,
                    schemas.isEmpty() && patterns.isEmpty(), id -> {
                if (schemas.contains(id[0])) {
                    return true;
                }
                if (id[1] == null) {
                    return false;
                }
                for (Pattern[] p : patterns) {
                    if (p[0].matcher(id[0]).matches() && p[1].matcher(id[1]).matches()) {
                        return true;
                    }
                }
                return false;
            }));
        }

        private static Pattern glob(String text) {
            StringBuilder regex = new StringBuilder();
            for (String part : text.split("\\*", -1)) {
                if (regex.length() > 0) {
                    regex.append(".*");
                }
                regex.append(Pattern.quote(part));
            }
            return Pattern.compile(regex.toString());
        }
    }
}
