package dev.dbops.lint.rules;

import dev.dbops.lint.LintRule;
import dev.dbops.lint.Severity;

/** The id, severity and title every built-in rule carries; subclasses implement {@code check}. */
abstract class AbstractRule implements LintRule {

    private final String id;
    private final Severity severity;
    private final String title;

    AbstractRule(String id, Severity severity, String title) {
        this.id = id;
        this.severity = severity;
        this.title = title;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Severity severity() {
        return severity;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public String toString() {
        return id;
    }
}
