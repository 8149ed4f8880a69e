package dev.dbops.schema;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The catalog queries of the inspector: one set-based query per object kind, each taking the array
 * of inspected namespace OIDs as its parameters (or none). They run with {@code search_path}
 * empty, so every name that {@code pg_get_*} and {@code format_type} render outside
 * {@code pg_catalog} is schema-qualified, the same way on every database.
 *
 * <p>The queries avoid the server's per-object deparse functions where the catalog columns say
 * the same thing: on a new connection every call of {@code pg_get_indexdef} or
 * {@code pg_get_constraintdef} misses the backend's catalog caches and builds the table's relcache
 * entry, which costs more than reading the parts and rendering them in Java
 * ({@link IndexDefinitions}, {@link ConstraintDefinitions}). Objects that belong to an extension
 * are left out in Java, from the membership rows of {@link #DEPENDENCIES}, rather than with an
 * anti-join on {@code pg_depend} in every query. A table constraint or index lives in its table's
 * namespace, so those queries select by their own namespace instead of joining {@code pg_class} a
 * second time; every scan of {@code pg_class} costs a few milliseconds on a large catalog.
 *
 * <p>{@code {name}} marks a version-gated fragment; {@link #forServer(int)} fills them in.
 */
final class CatalogQueries {

    private CatalogQueries() {
    }

    /** Excludes objects that belong to an extension; {@code catalog} is its catalog, {@code oidColumn} its OID column. */
    private static String notInExtension(String catalog, String oidColumn) {
        return " not exists (select 1 from pg_catalog.pg_depend e where e.classid = '" + catalog
                + "'::regclass and e.objid = " + oidColumn + " and e.deptype = 'e') ";
    }

    private static String comment(String alias, String catalog, String oidColumn) {
        return " left join pg_catalog.pg_description " + alias + " on " + alias + ".objoid = " + oidColumn
                + " and " + alias + ".classoid = '" + catalog + "'::regclass and " + alias + ".objsubid = 0 ";
    }

    /** A collation as a qualified, quoted name, or null when it is the type's default. */
    private static String collation(String collationOid, String defaultCollationOid) {
        return " (select pg_catalog.quote_ident(cn.nspname) || '.' || pg_catalog.quote_ident(co.collname)"
                + " from pg_catalog.pg_collation co join pg_catalog.pg_namespace cn on cn.oid = co.collnamespace"
                + " where co.oid = " + collationOid + " and " + collationOid + " <> " + defaultCollationOid + ") ";
    }

    static final String NAMESPACES = """
            select n.oid, n.nspname, pg_catalog.pg_get_userbyid(n.nspowner) as owner, d.description,
                   coalesce(n.nspacl, pg_catalog.acldefault('n', n.nspowner)) as acl
            from pg_catalog.pg_namespace n
            """ + comment("d", "pg_namespace", "n.oid") + """

            where n.nspname <> 'information_schema' and n.nspname !~ '^pg_'
              and """ + notInExtension("pg_namespace", "n.oid");

    static final String EXTENSIONS = """
            select x.extname, n.nspname, x.extversion, d.description
            from pg_catalog.pg_extension x
            join pg_catalog.pg_namespace n on n.oid = x.extnamespace
            """ + comment("d", "pg_extension", "x.oid") + """

            where x.extnamespace = any(?::oid[])""";

    /**
     * The session's quoting rules, which {@link ServerQuoting} follows to render names exactly as
     * {@code quote_identifier} does: every keyword the parser reserves in some position, and the two
     * settings that change quoting.
     */
    static final String QUOTING = """
            select array(select k.word from pg_catalog.pg_get_keywords() k where k.catcode <> 'U')::text[] as keywords,
                   pg_catalog.current_setting('quote_all_identifiers')::bool as quote_all,
                   pg_catalog.current_setting('standard_conforming_strings')::bool as standard_strings""";

    /**
     * Every operator class with what rendering an index column needs: its access method (whether it
     * orders, so DESC and NULLS apply), whether it is the default for its input type, that type's
     * category, and whether its family can take per-column options (support function 5 of btree and
     * BRIN, 3 of hash, 10 of GiST, 7 of GIN, 6 of SP-GiST; an unknown method may always have them).
     */
    static final String OPERATOR_CLASSES = """
            select oc.oid, oc.opcmethod, am.amname,
                   pg_catalog.pg_indexam_has_property(am.oid, 'can_order') as can_order,
                   oc.opcname, ocn.nspname, oc.opcintype, oc.opcdefault, it.typcategory, it.typispreferred,
                   am.amname not in ('btree', 'hash', 'gist', 'gin', 'spgist', 'brin')
                   or exists (select 1 from pg_catalog.pg_amproc p where p.amprocfamily = oc.opcfamily
                              and p.amprocnum = case am.amname when 'btree' then 5 when 'hash' then 3
                                                when 'gist' then 10 when 'gin' then 7 when 'spgist' then 6
                                                else 5 end) as options
            from pg_catalog.pg_opclass oc
            join pg_catalog.pg_am am on am.oid = oc.opcmethod
            join pg_catalog.pg_namespace ocn on ocn.oid = oc.opcnamespace
            join pg_catalog.pg_type it on it.oid = oc.opcintype""";

    /**
     * Enums, domains and ranges. Composite types come with {@link #VIEWS}: telling one from a
     * table's row type takes its relation's {@code relkind}, and that query scans {@code pg_class}
     * by {@code relkind} anyway.
     */
    static final String TYPES = """
            select t.oid, n.nspname, t.typname, t.typtype, t.typrelid, t.typarray,
                   pg_catalog.pg_get_userbyid(t.typowner) as owner, d.description,
                   case when t.typtype = 'e' then array(select l.enumlabel::text from pg_catalog.pg_enum l
                        where l.enumtypid = t.oid order by l.enumsortorder) end as labels,
                   case when t.typtype = 'd' then pg_catalog.format_type(t.typbasetype, t.typtypmod) end as base_type,
                   t.typnotnull,
                   case when t.typtype = 'd' then pg_catalog.pg_get_expr(t.typdefaultbin, 0) end as default_value,
                   """ + collation("t.typcollation", "coalesce(bt.typcollation, 0)") + """
             as collation,
                   case when t.typtype = 'r' then pg_catalog.format_type(r.rngsubtype, null) end as subtype,
                   case when t.typtype = 'r' and not oc.opcdefault
                        then pg_catalog.quote_ident(ocn.nspname) || '.' || pg_catalog.quote_ident(oc.opcname) end as opclass,
                   case when t.typtype = 'r' then """ + collation("r.rngcollation", "st.typcollation") + """
             end as range_collation,
                   case when r.rngcanonical <> 0 then r.rngcanonical::regproc::text end as canonical,
                   case when r.rngsubdiff <> 0 then r.rngsubdiff::regproc::text end as subdiff,
                   {multirange} as multirange
            from pg_catalog.pg_type t
            join pg_catalog.pg_namespace n on n.oid = t.typnamespace
            left join pg_catalog.pg_type bt on bt.oid = t.typbasetype
            left join pg_catalog.pg_range r on r.rngtypid = t.oid
            left join pg_catalog.pg_type st on st.oid = r.rngsubtype
            left join pg_catalog.pg_opclass oc on oc.oid = r.rngsubopc
            left join pg_catalog.pg_namespace ocn on ocn.oid = oc.opcnamespace
            """ + comment("d", "pg_type", "t.oid") + """

            where t.typnamespace = any(?::oid[]) and t.typtype in ('e', 'd', 'r')""";

    static final String DOMAIN_CHECKS = """
            select con.contypid, con.conname, pg_catalog.pg_get_constraintdef(con.oid) as definition,
                   con.convalidated, d.description
            from pg_catalog.pg_constraint con
            """ + comment("d", "pg_constraint", "con.oid") + """

            where con.contypid <> 0 and con.contype = 'c' and con.connamespace = any(?::oid[])""";

    /**
     * Every sequence, with the column it belongs to: {@code deptype} {@code i} for the hidden sequence
     * of an identity column (its options go on the column, the rest is not needed), {@code a} for
     * {@code OWNED BY}. An owned sequence always lives in its table's schema, so only the table and
     * column are named here.
     */
    static final String SEQUENCES = """
            select c.oid, n.nspname, c.relname, s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
                   dep.deptype, dep.refobjid, dep.refobjsubid,
                   case when dep.deptype is distinct from 'i' then pg_catalog.format_type(s.seqtypid, null) end
                       as data_type,
                   case when dep.deptype is distinct from 'i' then pg_catalog.pg_get_userbyid(c.relowner) end as owner,
                   case when dep.deptype is distinct from 'i' then (select d.description from pg_catalog.pg_description d
                        where d.objoid = c.oid and d.classoid = 'pg_catalog.pg_class'::regclass and d.objsubid = 0)
                   end as description,
                   case when dep.deptype is distinct from 'i'
                        then coalesce(c.relacl, pg_catalog.acldefault('s', c.relowner)) end as acl,
                   case when dep.deptype = 'a' then (select tc.relname from pg_catalog.pg_class tc
                        where tc.oid = dep.refobjid) end as owned_table,
                   case when dep.deptype = 'a' then (select ta.attname from pg_catalog.pg_attribute ta
                        where ta.attrelid = dep.refobjid and ta.attnum = dep.refobjsubid) end as owned_column
            from pg_catalog.pg_class c
            join pg_catalog.pg_namespace n on n.oid = c.relnamespace
            join pg_catalog.pg_sequence s on s.seqrelid = c.oid
            left join pg_catalog.pg_depend dep on dep.classid = 'pg_catalog.pg_class'::regclass and dep.objid = c.oid
                 and dep.objsubid = 0 and dep.refclassid = 'pg_catalog.pg_class'::regclass and dep.refobjsubid > 0
                 and dep.deptype in ('a', 'i')
            where c.relkind = 'S' and c.relnamespace = any(?::oid[])""";

    static final String TABLES = """
            select c.oid, n.nspname, c.relname, c.reltype, rt.typarray, c.relpersistence,
                   case when c.relkind = 'p' then pg_catalog.pg_get_partkeydef(c.oid) end as partition_key,
                   c.relispartition,
                   case when c.relispartition then pg_catalog.pg_get_expr(c.relpartbound, c.oid) end as bound,
                   c.reloptions::text[] as options, c.relreplident,
                   case when c.relreplident = 'i' then (select ic.relname from pg_catalog.pg_index x
                        join pg_catalog.pg_class ic on ic.oid = x.indexrelid
                        where x.indrelid = c.oid and x.indisreplident) end as replident_index,
                   c.relrowsecurity, c.relforcerowsecurity,
                   pg_catalog.pg_get_userbyid(c.relowner) as owner, d.description,
                   coalesce(c.relacl, pg_catalog.acldefault('r', c.relowner)) as acl
            from pg_catalog.pg_class c
            join pg_catalog.pg_namespace n on n.oid = c.relnamespace
            join pg_catalog.pg_type rt on rt.oid = c.reltype
            """ + comment("d", "pg_class", "c.oid") + """

            where c.relkind in ('r', 'p') and c.relnamespace = any(?::oid[])""";

    /**
     * The parents of every table that has any, partitions included, in declared order: there are
     * few, and reading them apart is cheaper than two sub-selects for every table.
     */
    static final String PARENTS = """
            select i.inhrelid, pn.nspname, pc.relname
            from pg_catalog.pg_inherits i
            join pg_catalog.pg_class pc on pc.oid = i.inhparent
            join pg_catalog.pg_namespace pn on pn.oid = pc.relnamespace
            order by i.inhrelid, i.inhseqno""";

    /**
     * Columns of tables, views and composite types, in no particular order ({@code attnum} orders
     * them), without their defaults ({@link #DEFAULTS}). The type is named by {@code format_type}
     * once per distinct type and modifier, and a collation once per distinct collation
     * ({@link RelationColumns}), not once per column; comments come from {@link #COLUMN_COMMENTS}.
     * The usual values of the modifier, collation, identity and generation (no modifier, no
     * collation, neither) come as SQL NULL: the server sends a NULL without calling the type's output
     * function, which on 25,000 columns is about a tenth of the query, and the reader decodes nothing.
     */
    static final String COLUMNS = """
            select a.attrelid, a.attnum, a.attname, a.atttypid, nullif(a.atttypmod, -1) as atttypmod,
                   nullif(a.attcollation, 0) as attcollation, a.attnotnull, nullif(a.attidentity, '') as attidentity,
                   nullif(a.attgenerated, '') as attgenerated, a.attislocal, a.attacl as acl
            from pg_catalog.pg_attribute a
            join pg_catalog.pg_class c on c.oid = a.attrelid
            where c.relkind in ('r', 'p', 'v', 'm', 'c') and c.relnamespace = any(?::oid[])
              and a.attnum > 0 and not a.attisdropped""";

    /**
     * Column defaults and generation expressions, read apart from {@link #COLUMNS} so that another
     * connection can render them while the columns are read. A default cannot refer to a column, so
     * it is rendered without the table as context, which spares the server opening every table and
     * building its relcache entry; only an expression that refers to columns (a {@code VAR} node:
     * generated columns) is rendered with it.
     *
     * <p>This reads the defaults of every relation, without joining {@code pg_class} to select
     * those of the inspected namespaces (the join cost as much as a third of the query): only user
     * relations have defaults, and those of relations that are not inspected find no column and are
     * ignored. Rendering a default without context takes no lock; an expression with a {@code VAR}
     * is rendered only when its relation is in an inspected namespace (one probe of
     * {@code pg_class} each), so the inspection never opens a relation it does not read, such as
     * another session's temporary table. When the inspector leaves out some of the user's
     * namespaces, it runs {@link #DEFAULTS_IN_NAMESPACES} instead, so as not to render their defaults.
     */
    static final String DEFAULTS = """
            select ad.adrelid, ad.adnum,
                   case when pg_catalog.strpos(ad.adbin::text, '{VAR ') = 0 then pg_catalog.pg_get_expr(ad.adbin, 0)
                        when exists (select from pg_catalog.pg_class vc where vc.oid = ad.adrelid
                                     and vc.relnamespace = any(?::oid[]))
                        then pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) end as expression
            from pg_catalog.pg_attrdef ad""";

    /** {@link #DEFAULTS} of the relations in the inspected namespaces only. */
    static final String DEFAULTS_IN_NAMESPACES = DEFAULTS + """

            join pg_catalog.pg_class c on c.oid = ad.adrelid
            where c.relkind in ('r', 'p', 'v', 'm', 'c') and c.relnamespace = any(?::oid[])""";

    /**
     * Comments on columns, of every relation: there are few, and reading them apart is cheaper than
     * a join against every column. Those of relations that are not inspected are ignored.
     */
    static final String COLUMN_COMMENTS = """
            select d.objoid, d.objsubid, d.description
            from pg_catalog.pg_description d
            where d.classoid = 'pg_catalog.pg_class'::regclass and d.objsubid > 0""";

    /**
     * Table constraints. CHECK and EXCLUDE are rendered by the server (their expressions and
     * operators need its deparser); primary keys, unique constraints and foreign keys come as parts
     * for {@link ConstraintDefinitions}, which names a referenced table from the inspected tables.
     * A table constraint lives in its table's namespace, so {@code connamespace} selects them
     * without a scan of {@code pg_class}.
     */
    static final String CONSTRAINTS = """
            select con.oid, con.conrelid, con.conname, con.contype,
                   case when con.contype in ('c', 'x') then pg_catalog.pg_get_constraintdef(con.oid) end as definition,
                   con.conkey::text as conkey, con.confrelid, con.confkey::text as confkey,
                   con.confupdtype, con.confdeltype, con.confmatchtype, {confdelsetcols} as confdelsetcols,
                   {conperiod} as conperiod, {conenforced} as conenforced,
                   ci.indnatts, ci.indkey::text as indkey, {indnullsnotdistinct} as indnullsnotdistinct,
                   con.convalidated, con.condeferrable, con.condeferred, d.description
            from pg_catalog.pg_constraint con
            left join pg_catalog.pg_index ci on con.contype in ('p', 'u') and ci.indexrelid = con.conindid
            """ + comment("d", "pg_constraint", "con.oid") + """

            where con.connamespace = any(?::oid[]) and con.conrelid <> 0 and con.contype in ('p', 'u', 'c', 'f', 'x')
              and con.conislocal and con.conparentid = 0""";

    /**
     * Indexes that do not back a constraint, as parts for {@link IndexDefinitions}; an index on
     * expressions is rendered by the server, and a partial index brings its predicate as a node tree.
     * An index lives in its table's namespace, and only tables, partitioned tables and materialized
     * views have indexes outside {@code pg_toast}, so the index's own {@code pg_class} row selects it.
     */
    static final String INDEXES = """
            select x.indexrelid, x.indrelid, ic.relname, ic.relkind, ic.relam, x.indisunique,
                   {nullsnotdistinct} as indnullsnotdistinct, x.indnkeyatts, x.indkey::text as indkey,
                   x.indclass::text as indclass, x.indcollation::text as indcollation, x.indoption::text as indoption,
                   ic.reloptions::text[] as options,
                   case when x.indexprs is not null then pg_catalog.pg_get_indexdef(x.indexrelid) end as definition,
                   case when x.indexprs is null then x.indpred::text end as predicate,
                   x.indisvalid, d.description
            from pg_catalog.pg_class ic
            join pg_catalog.pg_index x on x.indexrelid = ic.oid
            """ + comment("d", "pg_class", "x.indexrelid") + """

            where ic.relnamespace = any(?::oid[]) and ic.relkind in ('i', 'I') and not ic.relispartition
              and not exists (select 1 from pg_catalog.pg_constraint k where k.conindid = x.indexrelid
                              and k.conrelid = x.indrelid and k.contype in ('p', 'u', 'x'))""";

    static final String TRIGGERS = """
            select t.tgrelid, t.tgname, pg_catalog.pg_get_triggerdef(t.oid) as definition, t.tgenabled, d.description
            from pg_catalog.pg_trigger t
            join pg_catalog.pg_class c on c.oid = t.tgrelid
            """ + comment("d", "pg_trigger", "t.oid") + """

            where c.relnamespace = any(?::oid[]) and c.relkind in ('r', 'p', 'v') and not t.tgisinternal {notcloned}""";

    static final String POLICIES = """
            select p.polrelid, p.polname, p.polpermissive, p.polcmd,
                   array(select case when r = 0 then 'PUBLIC' else pg_catalog.pg_get_userbyid(r)::text end
                         from unnest(p.polroles) r) as roles,
                   pg_catalog.pg_get_expr(p.polqual, p.polrelid) as using_expr,
                   pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) as check_expr, d.description
            from pg_catalog.pg_policy p
            join pg_catalog.pg_class c on c.oid = p.polrelid
            """ + comment("d", "pg_policy", "p.oid") + """

            where c.relnamespace = any(?::oid[])""";

    /**
     * Views, materialized views and composite types: the relation of a composite type ({@code relkind}
     * {@code c}) holds its attributes, and the row of its type gives its name, owner and comment, as
     * {@link #TYPES} gives them for the other types. Reading them here spares {@link #TYPES} a scan
     * of {@code pg_class}.
     */
    static final String VIEWS = """
            select c.oid, n.nspname, case when c.relkind = 'c' then rt.typname else c.relname end as relname,
                   c.relkind, c.reltype, rt.typarray, c.relkind = 'm' as materialized,
                   case when c.relkind <> 'c' then pg_catalog.pg_get_viewdef(c.oid) end as definition,
                   c.reloptions::text[] as options,
                   pg_catalog.pg_get_userbyid(case when c.relkind = 'c' then rt.typowner else c.relowner end) as owner,
                   case when c.relkind <> 'c' then d.description
                        else (select td.description from pg_catalog.pg_description td where td.objoid = c.reltype
                              and td.classoid = 'pg_catalog.pg_type'::regclass and td.objsubid = 0) end as description,
                   case when c.relkind <> 'c' then coalesce(c.relacl, pg_catalog.acldefault('r', c.relowner)) end as acl
            from pg_catalog.pg_class c
            join pg_catalog.pg_namespace n on n.oid = c.relnamespace
            join pg_catalog.pg_type rt on rt.oid = c.reltype
            """ + comment("d", "pg_class", "c.oid") + """

            where c.relkind in ('v', 'm', 'c') and c.relnamespace = any(?::oid[])""";

    /** Functions keep the extension anti-join: it spares {@code pg_get_functiondef} on every extension function. */
    static final String FUNCTIONS = """
            select p.oid, n.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid) as arguments,
                   p.prokind = 'p' as procedure,
                   case when p.prokind <> 'p' then pg_catalog.pg_get_function_result(p.oid) end as result,
                   pg_catalog.pg_get_functiondef(p.oid) as definition,
                   pg_catalog.pg_get_userbyid(p.proowner) as owner, d.description,
                   coalesce(p.proacl, pg_catalog.acldefault('f', p.proowner)) as acl
            from pg_catalog.pg_proc p
            join pg_catalog.pg_namespace n on n.oid = p.pronamespace
            """ + comment("d", "pg_proc", "p.oid") + """

            where p.pronamespace = any(?::oid[]) and p.prokind in ('f', 'p', 'w')
              and not exists (select 1 from pg_catalog.pg_depend i where i.classid = 'pg_proc'::regclass
                              and i.objid = p.oid and i.deptype = 'i')
              and """ + notInExtension("pg_proc", "p.oid");

    static final String DEFAULT_PRIVILEGES = """
            select pg_catalog.pg_get_userbyid(a.defaclrole) as role, n.nspname, a.defaclobjtype,
                   a.defaclacl as acl
            from pg_catalog.pg_default_acl a
            left join pg_catalog.pg_namespace n on n.oid = a.defaclnamespace""";

    /**
     * Ordinary dependencies between user objects ({@code deptype} {@code n}), each side reduced to
     * the relation, type or function it belongs to (a column default to its table, a view's rewrite
     * rule to its view, a domain's check to its domain). OIDs below 16384 are built-in objects and
     * never interesting. Foreign keys are left out: they are recorded on the constraint, and tables
     * that reference each other must still be creatable (the plan adds foreign keys after all
     * tables). The same pass over {@code pg_depend} also gives the relations and types that belong to
     * an extension ({@code deptype} {@code e}, {@code objid}). Only the few rows of each kind look up
     * their owner, by index, instead of hashing every default, trigger and index of the database.
     */
    static final String DEPENDENCIES = """
            select d.deptype, d.classid = 'pg_type'::regclass as is_type, d.objid,
                   case d.classid
                        when 'pg_class'::regclass then coalesce((select ix.indrelid from pg_catalog.pg_index ix
                                                                 where ix.indexrelid = d.objid), d.objid)
                        when 'pg_attrdef'::regclass then (select ad.adrelid from pg_catalog.pg_attrdef ad
                                                          where ad.oid = d.objid)
                        when 'pg_rewrite'::regclass then (select rw.ev_class from pg_catalog.pg_rewrite rw
                                                          where rw.oid = d.objid)
                        when 'pg_constraint'::regclass then con.conrelid
                        when 'pg_trigger'::regclass then (select tg.tgrelid from pg_catalog.pg_trigger tg
                                                          where tg.oid = d.objid)
                        when 'pg_policy'::regclass then (select po.polrelid from pg_catalog.pg_policy po
                                                         where po.oid = d.objid)
                   end as rel,
                   case when d.classid = 'pg_type'::regclass then d.objid when con.contypid <> 0 then con.contypid end as typ,
                   case when d.classid = 'pg_proc'::regclass then d.objid end as proc,
                   case when d.refclassid = 'pg_class'::regclass
                        then coalesce((select rix.indrelid from pg_catalog.pg_index rix where rix.indexrelid = d.refobjid),
                                      d.refobjid) end as ref_rel,
                   case when d.refclassid = 'pg_type'::regclass then d.refobjid end as ref_typ,
                   case when d.refclassid = 'pg_proc'::regclass then d.refobjid end as ref_proc
            from pg_catalog.pg_depend d
            left join pg_catalog.pg_constraint con on d.classid = 'pg_constraint'::regclass and con.oid = d.objid
            where (con.oid is null or con.contype <> 'f')
              and ((d.deptype = 'n' and d.objid >= 16384 and d.refobjid >= 16384
                    and d.classid in ('pg_class'::regclass, 'pg_type'::regclass, 'pg_proc'::regclass,
                                      'pg_attrdef'::regclass, 'pg_rewrite'::regclass, 'pg_constraint'::regclass,
                                      'pg_trigger'::regclass, 'pg_policy'::regclass)
                    and d.refclassid in ('pg_class'::regclass, 'pg_type'::regclass, 'pg_proc'::regclass))
                or (d.deptype = 'e' and d.classid in ('pg_class'::regclass, 'pg_type'::regclass)))""";

    /**
     * Every query above with its version-gated fragments filled in for a server, by name, in the
     * order they are declared; of the two readings of the defaults, {@link #DEFAULTS}, which the
     * inspector runs when it reads every namespace. The benchmark's per-query profile reads this by
     * reflection, so it always times exactly what the inspector runs.
     */
    static Map<String, String> forServer(int versionNum) {
        boolean pg14 = versionNum >= 140000;
        boolean pg15 = versionNum >= 150000;
        boolean pg18 = versionNum >= 180000;
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("NAMESPACES", NAMESPACES);
        queries.put("EXTENSIONS", EXTENSIONS);
        queries.put("QUOTING", QUOTING);
        queries.put("OPERATOR_CLASSES", OPERATOR_CLASSES);
        queries.put("TYPES", TYPES.replace("{multirange}",
                pg14 ? "case when t.typtype = 'r' then r.rngmultitypid::regtype::text end" : "null::text"));
        queries.put("DOMAIN_CHECKS", DOMAIN_CHECKS);
        queries.put("SEQUENCES", SEQUENCES);
        queries.put("TABLES", TABLES);
        queries.put("PARENTS", PARENTS);
        queries.put("COLUMNS", COLUMNS);
        queries.put("DEFAULTS", DEFAULTS);
        queries.put("COLUMN_COMMENTS", COLUMN_COMMENTS);
        queries.put("CONSTRAINTS", CONSTRAINTS
                .replace("{confdelsetcols}", pg15 ? "con.confdelsetcols::text" : "null::text")
                .replace("{conperiod}", pg18 ? "con.conperiod" : "false")
                .replace("{conenforced}", pg18 ? "con.conenforced" : "true")
                .replace("{indnullsnotdistinct}", pg15 ? "ci.indnullsnotdistinct" : "false"));
        queries.put("INDEXES", INDEXES.replace("{nullsnotdistinct}", pg15 ? "x.indnullsnotdistinct" : "false"));
        queries.put("TRIGGERS", TRIGGERS.replace("{notcloned}", versionNum >= 130000 ? "and t.tgparentid = 0" : ""));
        queries.put("POLICIES", POLICIES);
        queries.put("VIEWS", VIEWS);
        queries.put("FUNCTIONS", FUNCTIONS);
        queries.put("DEFAULT_PRIVILEGES", DEFAULT_PRIVILEGES);
        queries.put("DEPENDENCIES", DEPENDENCIES);
        return queries;
    }
}
