package dev.dbops.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The operator classes of the server, and the one question {@code pg_get_indexdef} asks of them:
 * is this column's operator class the default for the column's type, so that it goes unsaid? The
 * answer follows the server's {@code GetDefaultOpClass} and {@code IsBinaryCoercible} step by step:
 * an exact default for the (base) type wins; otherwise the one binary-coercible default, preferring
 * the preferred type of the type's category. The facts this needs about a column type are read only
 * for types that need them ({@link #readTypeFacts}).
 */
final class OperatorClasses {

    // The pseudo-types of IsBinaryCoercible; their OIDs are fixed in every release (later ones simply never match).
    private static final long ANY = 2276;
    private static final long ANYELEMENT = 2283;
    private static final long ANYCOMPATIBLE = 5077;
    private static final long ANYARRAY = 2277;
    private static final long ANYCOMPATIBLEARRAY = 5078;
    private static final long ANYNONARRAY = 2776;
    private static final long ANYCOMPATIBLENONARRAY = 5079;
    private static final long ANYENUM = 3500;
    private static final long ANYRANGE = 3831;
    private static final long ANYCOMPATIBLERANGE = 5080;
    private static final long ANYMULTIRANGE = 4537;
    private static final long ANYCOMPATIBLEMULTIRANGE = 4538;
    private static final long RECORD = 2249;
    private static final long RECORD_ARRAY = 2287;

    /**
     * For each type: its base type after domains, and that base type's properties and binary
     * implicit casts. {@code {array}} is filled per version: PostgreSQL 14 made "is a true array" a
     * question of the subscript handler.
     */
    private static final String TYPE_FACTS = """
            with recursive chain(start, typ) as (
                select t.oid, t.oid from pg_catalog.pg_type t where t.oid = any(?::oid[])
                union all
                select c.start, t.typbasetype from chain c join pg_catalog.pg_type t on t.oid = c.typ
                where t.typtype = 'd'
            )
            select c.start, b.oid as base, b.typtype, b.typcategory, b.typrelid, {array} as is_array,
                   coalesce(e.typrelid, 0) as element_relid,
                   array(select k.casttarget from pg_catalog.pg_cast k where k.castsource = b.oid
                         and k.castmethod = 'b' and k.castcontext = 'i')::text as binary_casts
            from chain c
            join pg_catalog.pg_type b on b.oid = c.typ and b.typtype <> 'd'
            left join pg_catalog.pg_type e on {array} and e.oid = b.typelem""";

    /**
     * One operator class.
     *
     * @param canOrder whether its access method orders entries, so that DESC and NULLS FIRST/LAST apply
     * @param inputCategory {@code typcategory} of its input type
     * @param inputPreferred {@code typispreferred} of its input type
     * @param mayHaveOptions whether its family has an options support function, so that the index
     *     column may carry options the catalog query did not read
     */
    record OpClass(long oid, long method, String methodName, boolean canOrder, String name, String schema,
            long inputType, boolean isDefault, String inputCategory, boolean inputPreferred, boolean mayHaveOptions) {
    }

    /**
     * What {@code GetDefaultOpClass} needs to know of a column type.
     *
     * @param base the type after reducing domains
     * @param typtype the base type's {@code typtype}
     * @param category the base type's {@code typcategory}
     * @param relid the base type's {@code typrelid}: not 0 for a composite type
     * @param isArray whether the base type is a true array type
     * @param elementRelid for an array, its element type's {@code typrelid}
     * @param binaryCasts the types the base type casts to implicitly without a function
     */
    record TypeFacts(long base, char typtype, String category, long relid, boolean isArray, long elementRelid,
            Set<Long> binaryCasts) {
    }

    /** A base type and an access method, the question {@code GetDefaultOpClass} answers. */
    private record TypeAndMethod(long type, long method) {
    }

    private final Map<Long, OpClass> byOid;
    private final Map<TypeAndMethod, Optional<Long>> defaults = new HashMap<>();
    /** Answers of {@link #isDefaultFor} by operator class and column type, packed into one key. */
    private final Map<Long, Optional<Boolean>> answers = new HashMap<>();

    OperatorClasses(Map<Long, OpClass> byOid) {
        this.byOid = Map.copyOf(byOid);
    }

    /** Reads {@link CatalogQueries#OPERATOR_CLASSES}. */
    static CatalogRows.Reading<OperatorClasses> reading() {
        return new CatalogRows.Reading<>() {
            private final Map<Long, OpClass> classes = new HashMap<>();
            private int oid;
            private int method;
            private int methodName;
            private int canOrder;
            private int name;
            private int schema;
            private int inputType;
            private int isDefault;
            private int category;
            private int preferred;
            private int options;

            @Override
            void columns(CatalogRow c) {
                oid = c.column("oid");
                method = c.column("opcmethod");
                methodName = c.column("amname");
                canOrder = c.column("can_order");
                name = c.column("opcname");
                schema = c.column("nspname");
                inputType = c.column("opcintype");
                isDefault = c.column("opcdefault");
                category = c.column("typcategory");
                preferred = c.column("typispreferred");
                options = c.column("options");
            }

            @Override
            void read(CatalogRow row) {
                OpClass opClass = new OpClass(row.number(oid), row.number(method), row.text(methodName),
                        row.bool(canOrder), row.text(name), row.text(schema), row.number(inputType),
                        row.bool(isDefault), row.text(category), row.bool(preferred), row.bool(options));
                classes.put(opClass.oid(), opClass);
            }

            @Override
            OperatorClasses result() {
                return new OperatorClasses(classes);
            }
        };
    }

    Optional<OpClass> get(long oid) {
        return Optional.ofNullable(byOid.get(oid));
    }

    /**
     * Whether deciding if {@code opClass} is the default for {@code columnType} needs the type's
     * facts: a non-default class is never the default, and an exact default needs nothing more.
     */
    static boolean needsFacts(OpClass opClass, long columnType) {
        return opClass.isDefault() && opClass.inputType() != columnType;
    }

    /**
     * Whether {@code pg_get_indexdef} leaves the operator class of a column of {@code columnType}
     * unsaid; empty when the type's facts are needed and missing, or the catalog is inconsistent
     * (two exact defaults), so that the caller lets the server decide.
     */
    Optional<Boolean> isDefaultFor(OpClass opClass, long columnType, Map<Long, TypeFacts> facts) {
        // OIDs are unsigned 32-bit numbers, so the pair fits one long.
        long key = (opClass.oid() << 32) | columnType;
        Optional<Boolean> answer = answers.get(key);
        if (answer == null) {
            answer = decide(opClass, columnType, facts);
            if (answer.isPresent()) {
                answers.put(key, answer);
            }
        }
        return answer;
    }

    private Optional<Boolean> decide(OpClass opClass, long columnType, Map<Long, TypeFacts> facts) {
        if (!opClass.isDefault()) {
            return Optional.of(false);
        }
        if (opClass.inputType() == columnType) {
            return Optional.of(true);
        }
        TypeFacts type = facts.get(columnType);
        if (type == null) {
            return Optional.empty();
        }
        return defaults.computeIfAbsent(new TypeAndMethod(type.base(), opClass.method()),
                key -> defaultFor(type, key.method())).map(chosen -> chosen == opClass.oid());
    }

    /** {@code GetDefaultOpClass}: empty when there is no single answer. */
    private Optional<Long> defaultFor(TypeFacts type, long method) {
        int exact = 0;
        int preferred = 0;
        int compatible = 0;
        long exactOid = 0;
        long preferredOid = 0;
        long compatibleOid = 0;
        for (OpClass candidate : byOid.values()) {
            if (candidate.method() != method || !candidate.isDefault()) {
                continue;
            }
            if (candidate.inputType() == type.base()) {
                exact++;
                exactOid = candidate.oid();
            } else if (binaryCoercible(type, candidate.inputType())) {
                if (isPreferred(type.category(), candidate)) {
                    preferred++;
                    preferredOid = candidate.oid();
                } else {
                    compatible++;
                    compatibleOid = candidate.oid();
                }
            }
        }
        if (exact > 1) {
            return Optional.empty();
        }
        if (exact == 1) {
            return Optional.of(exactOid);
        }
        if (preferred == 1) {
            return Optional.of(preferredOid);
        }
        if (preferred == 0 && compatible == 1) {
            return Optional.of(compatibleOid);
        }
        return Optional.of(0L);
    }

    /** {@code IsPreferredType}: a preferred type of the same category, or of any when the category is unknown. */
    private static boolean isPreferred(String category, OpClass candidate) {
        boolean sameCategory = category.isEmpty() || category.equals(candidate.inputCategory());
        return sameCategory && candidate.inputPreferred();
    }

    /** {@code IsBinaryCoercible} from a base type, after its domains are reduced. */
    private static boolean binaryCoercible(TypeFacts type, long target) {
        if (type.base() == target || target == ANY || target == ANYELEMENT || target == ANYCOMPATIBLE) {
            return true;
        }
        if ((target == ANYARRAY || target == ANYCOMPATIBLEARRAY) && type.isArray()) {
            return true;
        }
        if ((target == ANYNONARRAY || target == ANYCOMPATIBLENONARRAY) && !type.isArray()) {
            return true;
        }
        if (target == ANYENUM && type.typtype() == 'e') {
            return true;
        }
        if ((target == ANYRANGE || target == ANYCOMPATIBLERANGE) && type.typtype() == 'r') {
            return true;
        }
        if ((target == ANYMULTIRANGE || target == ANYCOMPATIBLEMULTIRANGE) && type.typtype() == 'm') {
            return true;
        }
        if (target == RECORD && type.relid() != 0) {
            return true;
        }
        if (target == RECORD_ARRAY && type.isArray() && type.elementRelid() != 0) {
            return true;
        }
        return type.binaryCasts().contains(target);
    }

    /** The name as {@code get_opclass_name} prints it: bare for {@code pg_catalog}, schema-qualified otherwise. */
    static String name(OpClass opClass, ServerQuoting quoting) {
        return "pg_catalog".equals(opClass.schema())
                ? quoting.identifier(opClass.name())
                : quoting.qualified(opClass.schema(), opClass.name());
    }

    /** Reads the facts of these column types (no query when there are none). */
    static Map<Long, TypeFacts> readTypeFacts(Connection connection, Collection<Long> types, int serverVersion)
            throws SQLException {
        Map<Long, TypeFacts> facts = new HashMap<>();
        if (types.isEmpty()) {
            return facts;
        }
        String isArray = serverVersion >= 140000
                ? "(b.typelem <> 0 and b.typsubscript = 'pg_catalog.array_subscript_handler'::regproc)"
                : "(b.typelem <> 0 and b.typlen = -1)";
        try (PreparedStatement statement = connection.prepareStatement(TYPE_FACTS.replace("{array}", isArray))) {
            statement.setString(1, CatalogArrays.literal(types));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String typtype = rs.getString("typtype");
                    facts.put(rs.getLong("start"), new TypeFacts(rs.getLong("base"), typtype.charAt(0),
                            rs.getString("typcategory"), rs.getLong("typrelid"), rs.getBoolean("is_array"),
                            rs.getLong("element_relid"),
                            new HashSet<>(CatalogArrays.longs(rs.getString("binary_casts")))));
                }
            }
        }
        return facts;
    }
}
