package dev.dbops.lint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the renderers know about each rule id of one report: its title, default severity and doc page.
 * Comes from the rules that ran (in their order), then the linter's own suppression checks, then, for a
 * rule id seen only in a violation (no rule list given), from that violation.
 */
final class RuleCatalog {

    /** The page that documents suppressions and the two checks on them. */
    static final String SUPPRESSIONS_DOC = "docs/lint.md#suppressions";

    private final Map<String, Entry> byId;
    private final List<Entry> entries;

    private RuleCatalog(Map<String, Entry> byId) {
        this.byId = byId;
        this.entries = List.copyOf(byId.values());
    }

    /** The catalog for {@code report}, given the rules that ran (possibly none). */
    static RuleCatalog of(List<LintRule> rules, LintReport report) {
        Map<String, Entry> byId = new LinkedHashMap<>();
        for (LintRule rule : rules) {
            byId.putIfAbsent(rule.id(), new Entry(rule.id(), rule.title(), rule.severity(), rule.docPath()));
        }
        byId.putIfAbsent(LintRun.UNUSED_SUPPRESSION, new Entry(LintRun.UNUSED_SUPPRESSION,
                "A dbops:ignore comment suppresses nothing: it names a rule that did not report there.",
                Severity.WARNING, SUPPRESSIONS_DOC));
        byId.putIfAbsent(LintRun.INVALID_SUPPRESSION, new Entry(LintRun.INVALID_SUPPRESSION,
                "A dbops:ignore comment names an unknown rule, or gives no rule or no reason.",
                Severity.ERROR, SUPPRESSIONS_DOC));
        for (Violation violation : report.violations()) {
            byId.putIfAbsent(violation.ruleId(), new Entry(violation.ruleId(), violation.help(), violation.severity(),
                    "docs/rules/" + violation.ruleId() + ".md"));
        }
        return new RuleCatalog(byId);
    }

    /** Whether {@code ruleId} is one of the linter's checks on {@code dbops:ignore} comments. */
    static boolean isSuppressionCheck(String ruleId) {
        return LintRun.META_RULE_IDS.contains(ruleId);
    }

    /** Every rule, in catalog order. */
    List<Entry> entries() {
        return entries;
    }

    /** The rule with this id; every id of the report's violations is present. */
    Entry get(String ruleId) {
        Entry entry = byId.get(ruleId);
        if (entry == null) {
            throw new IllegalArgumentException("rule '" + ruleId + "' is not in the catalog of this report");
        }
        return entry;
    }

    /** The position of the rule in {@link #entries()}. */
    int indexOf(String ruleId) {
        return entries.indexOf(get(ruleId));
    }

    /** One rule as the renderers describe it. */
    record Entry(String id, String title, Severity severity, String docPath) {

        /** The id in CamelCase, e.g. {@code RequireConcurrentIndexCreation}: SARIF's human-readable rule name. */
        String camelCaseName() {
            StringBuilder name = new StringBuilder(id.length());
            boolean upper = true;
            for (char c : id.toCharArray()) {
                if (c == '-' || c == '_' || c == '.') {
                    upper = true;
                } else {
                    name.append(upper ? Character.toUpperCase(c) : c);
                    upper = false;
                }
            }
            return name.toString();
        }
    }
}
