package dev.dbops.trace.seed;

import dev.dbops.schema.Domain;
import dev.dbops.schema.EnumType;
import dev.dbops.schema.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses the value generator for a column type and the rules its CHECKs impose: built-in types,
 * enums (their labels), domains (their base type with the domain's NOT NULL and simple checks),
 * arrays of any of these, and {@code citext} in any schema.
 */
final class Generators {

    /** What became of a column type. */
    sealed interface Resolution {
    }

    /**
     * A generator for the type.
     *
     * @param notNull whether a domain makes the column NOT NULL
     * @param ignored rules the generator cannot honour, described for the report
     * @param complexChecks domain checks that are not simple, as {@code domain: CHECK (…)}
     */
    record Values(ValueGenerator generator, boolean notNull, List<String> ignored, List<String> complexChecks)
            implements Resolution {
    }

    /** No generator exists for this type. */
    record Unsupported(String type) implements Resolution {
    }

    /** The rules leave no value at all (for example {@code CHECK (n > 10 AND n < 5)}). */
    record Unsatisfiable(String reason) implements Resolution {
    }

    private final Map<String, EnumType> enums = new HashMap<>();
    private final Map<String, Domain> domains = new HashMap<>();

    Generators(Schema schema) {
        schema.enums().forEach(e -> enums.put(e.schema() + "\0" + e.name(), e));
        schema.domains().forEach(d -> domains.put(d.schema() + "\0" + d.name(), d));
    }

    /** Whether the type is a domain (over domains) declared NOT NULL, or a CHECK of one demands a value. */
    boolean notNullDomain(String formattedType) {
        SeedType type = SeedType.parse(formattedType);
        for (int depth = 0; depth < 8 && type.arrayDimensions() == 0 && type.schema().isPresent(); depth++) {
            Domain domain = domains.get(type.schema().get() + "\0" + type.name());
            if (domain == null) {
                return false;
            }
            if (domain.notNull()) {
                return true;
            }
            type = SeedType.parse(domain.baseType());
        }
        return false;
    }

    /**
     * The generator for a column.
     *
     * @param salt a number that makes scrambled values (uuids…) differ between columns and seeds
     */
    Resolution resolve(String formattedType, ColumnRules rules, long salt) {
        return resolve(SeedType.parse(formattedType), rules, salt, 0);
    }

    private Resolution resolve(SeedType type, ColumnRules rules, long salt, int depth) {
        if (depth > 8) {
            return new Unsupported(type.toString());
        }
        if (type.arrayDimensions() > 0) {
            Resolution element = resolve(type.element(), ColumnRules.NONE, salt, depth + 1);
            if (element instanceof Values values) {
                List<String> ignored = new ArrayList<>(values.ignored());
                if (!rules.unconstrained()) {
                    ignored.add("conditions on the whole array are not generated");
                }
                return new Values(new ArrayValues(values.generator()), false, ignored, values.complexChecks());
            }
            return element;
        }
        if (type.schema().isPresent()) {
            String key = type.schema().get() + "\0" + type.name();
            if (enums.containsKey(key)) {
                return choice(enums.get(key).labels(), rules, "enum " + type);
            }
            if (domains.containsKey(key)) {
                return domain(domains.get(key), rules, salt, depth);
            }
            if (type.name().equals("citext")) {
                return text(rules, Integer.MAX_VALUE, salt);
            }
            return new Unsupported(type.toString());
        }
        try {
            return builtIn(type, rules, salt);
        } catch (RuntimeException unreadableBound) {
            Resolution plain = builtIn(type, new ColumnRules(List.of(), List.of(), rules.allowed(), Set.of(),
                    rules.minLength(), rules.maxLength(), rules.notNull()), salt);
            if (plain instanceof Values values) {
                List<String> ignored = new ArrayList<>(values.ignored());
                ignored.add("bounds not read as " + type + ": " + unreadableBound.getMessage());
                return new Values(values.generator(), values.notNull(), ignored, values.complexChecks());
            }
            return plain;
        }
    }

    private Resolution domain(Domain domain, ColumnRules rules, long salt, int depth) {
        ColumnRules merged = rules;
        List<String> complex = new ArrayList<>();
        for (Domain.Check check : domain.checks()) {
            Optional<CheckRules.Parsed> parsed = CheckRules.parse(check.definition(), Set.of("value"));
            if (parsed.isPresent() && parsed.get().rules().keySet().equals(Set.of("value"))) {
                merged = merged.and(parsed.get().rules().get("value"));
            } else {
                complex.add(domain.schema() + "." + domain.name() + ": " + check.definition());
            }
        }
        Resolution base = resolve(SeedType.parse(domain.baseType()), merged, salt, depth + 1);
        if (base instanceof Values values) {
            List<String> allComplex = new ArrayList<>(values.complexChecks());
            allComplex.addAll(complex);
            return new Values(values.generator(), values.notNull() || domain.notNull() || merged.notNull(),
                    values.ignored(), allComplex);
        }
        return base;
    }

    private Resolution builtIn(SeedType type, ColumnRules rules, long salt) {
        String name = type.name();
        switch (name) {
            case "boolean":
                return choice(List.of("false", "true"), rules, name);
            case "smallint":
                return number(NumberValues.integer(rules, Short.MIN_VALUE, Short.MAX_VALUE), rules, name);
            case "integer":
                return number(NumberValues.integer(rules, Integer.MIN_VALUE, Integer.MAX_VALUE), rules, name);
            case "bigint":
                return number(NumberValues.integer(rules, Long.MIN_VALUE, Long.MAX_VALUE), rules, name);
            case "numeric": {
                int precision = type.modifier(0, 17);
                int scale = type.modifiers().isEmpty() ? 2 : type.modifier(1, 0);
                if (scale < 0 || scale > 15 || precision - scale < 0) {
                    return new Unsupported(type.toString());
                }
                return number(NumberValues.decimal(rules, precision - scale, scale), rules, type.toString());
            }
            case "real":
            case "double precision":
                return number(NumberValues.decimal(rules, 12, 3), rules, name);
            case "money":
                return number(NumberValues.decimal(rules, 13, 2), rules, name);
            case "text":
            case "citext":
                return text(rules, Integer.MAX_VALUE, salt);
            case "character varying":
            case "character":
                return text(rules, type.modifier(0, name.equals("character") ? 1 : Integer.MAX_VALUE), salt);
            case "bpchar":
                return text(rules, Integer.MAX_VALUE, salt);
            case "name":
                return text(rules, 63, salt);
            case "\"char\"":
                return text(rules, 1, salt);
            case "date":
                return time(TimeValues.Kind.DATE, rules, name);
            case "timestamp without time zone":
                return time(TimeValues.Kind.TIMESTAMP, rules, name);
            case "timestamp with time zone":
                return time(TimeValues.Kind.TIMESTAMPTZ, rules, name);
            case "time without time zone":
                return time(TimeValues.Kind.TIME, rules, name);
            case "time with time zone":
                return time(TimeValues.Kind.TIMETZ, rules, name);
            case "bit":
            case "bit varying":
                return other(new BitValues(type.modifier(0, name.equals("bit") ? 1 : 64), name.equals("bit varying")),
                        rules, name);
            default:
                return special(type, rules, salt);
        }
    }

    private Resolution special(SeedType type, ColumnRules rules, long salt) {
        String name = type.name();
        if (name.startsWith("interval")) {
            return time(TimeValues.Kind.INTERVAL, rules, name);
        }
        ValueGenerator generator = switch (name) {
            case "uuid" -> new KeyedValues(KeyedValues.Kind.UUID, salt);
            case "bytea" -> new KeyedValues(KeyedValues.Kind.BYTEA, salt);
            case "json", "jsonb" -> new KeyedValues(KeyedValues.Kind.JSON, salt);
            case "xml" -> new KeyedValues(KeyedValues.Kind.XML, salt);
            case "tsvector" -> new KeyedValues(KeyedValues.Kind.TSVECTOR, salt);
            case "inet" -> new NetworkValues(NetworkValues.Kind.INET);
            case "cidr" -> new NetworkValues(NetworkValues.Kind.CIDR);
            case "macaddr" -> new NetworkValues(NetworkValues.Kind.MACADDR);
            case "macaddr8" -> new NetworkValues(NetworkValues.Kind.MACADDR8);
            case "int4range" -> new RangeValues(RangeValues.Kind.INT4RANGE);
            case "int8range" -> new RangeValues(RangeValues.Kind.INT8RANGE);
            case "numrange" -> new RangeValues(RangeValues.Kind.NUMRANGE);
            case "daterange" -> new RangeValues(RangeValues.Kind.DATERANGE);
            case "tsrange" -> new RangeValues(RangeValues.Kind.TSRANGE);
            case "tstzrange" -> new RangeValues(RangeValues.Kind.TSTZRANGE);
            default -> null;
        };
        return generator == null ? new Unsupported(type.toString()) : other(generator, rules, name);
    }

    private static Resolution number(NumberValues values, ColumnRules rules, String type) {
        if (rules.allowed().isPresent()) {
            return choice(rules.allowed().get(), rules, type);
        }
        if (values.empty()) {
            return new Unsatisfiable("no " + type + " value satisfies the checks");
        }
        return new Values(values, rules.notNull(), lengthIgnored(rules), List.of());
    }

    private static Resolution time(TimeValues.Kind kind, ColumnRules rules, String type) {
        if (rules.allowed().isPresent()) {
            return choice(rules.allowed().get(), rules, type);
        }
        TimeValues values = TimeValues.of(kind, rules);
        if (values.empty()) {
            return new Unsatisfiable("no " + type + " value satisfies the checks");
        }
        return new Values(values, rules.notNull(), lengthIgnored(rules), List.of());
    }

    private static Resolution text(ColumnRules rules, int typeLength, long salt) {
        if (rules.allowed().isPresent()) {
            List<String> fitting = rules.allowed().get().stream()
                    .filter(v -> v.length() >= rules.minLength() && v.length() <= Math.min(typeLength, rules.maxLength()))
                    .toList();
            return choice(fitting, rules, "text");
        }
        TextValues values = TextValues.of(rules, typeLength, salt);
        if (values.empty()) {
            return new Unsatisfiable("no text of length " + rules.minLength() + " to "
                    + Math.min(typeLength, rules.maxLength()) + " satisfies the checks");
        }
        List<String> ignored = new ArrayList<>();
        if (!rules.lower().isEmpty() || !rules.upper().isEmpty()) {
            ignored.add("comparisons of text with a constant are not generated");
        }
        return new Values(values, rules.notNull(), ignored, List.of());
    }

    private static Resolution other(ValueGenerator generator, ColumnRules rules, String type) {
        if (rules.allowed().isPresent()) {
            return choice(rules.allowed().get(), rules, type);
        }
        List<String> ignored = new ArrayList<>(lengthIgnored(rules));
        if (!rules.lower().isEmpty() || !rules.upper().isEmpty() || !rules.excluded().isEmpty()) {
            ignored.add("comparisons of " + type + " with a constant are not generated");
        }
        return new Values(generator, rules.notNull(), ignored, List.of());
    }

    private static Resolution choice(List<String> values, ColumnRules rules, String type) {
        List<String> kept = new ArrayList<>(values);
        rules.allowed().ifPresent(kept::retainAll);
        kept.removeAll(rules.excluded());
        if (kept.isEmpty()) {
            return new Unsatisfiable("no " + type + " value satisfies the checks");
        }
        List<String> ignored = new ArrayList<>(lengthIgnored(rules));
        if (!rules.lower().isEmpty() || !rules.upper().isEmpty()) {
            ignored.add("bounds next to a list of allowed values are not generated");
        }
        return new Values(new ChoiceValues(kept), rules.notNull(), ignored, List.of());
    }

    private static List<String> lengthIgnored(ColumnRules rules) {
        return rules.minLength() > 0 || rules.maxLength() < Integer.MAX_VALUE
                ? List.of("length conditions apply to text only") : List.of();
    }
}
