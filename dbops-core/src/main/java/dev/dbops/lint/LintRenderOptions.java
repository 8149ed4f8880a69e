package dev.dbops.lint;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a {@link LintFormat} needs besides the report: the rules that ran (SARIF lists every one of them,
 * JSON names their doc pages), where the rule pages are published (SARIF's {@code helpUri}), and from
 * which severity a violation fails the build (JUnit XML reports those as failures).
 *
 * <pre>{@code
 * LintRenderOptions options = LintRenderOptions.builder().rules(linter.rules()).failOn(Severity.WARNING).build();
 * String sarif = LintFormat.SARIF.render(report, options);
 * }</pre>
 */
public final class LintRenderOptions {

    /**
     * Where the rule pages are published by default: the {@code docs/} folder of dbops's repository on
     * GitHub, so that a rule's {@code helpUri} is {@code <this>docs/rules/<id>.md}. GitHub code scanning
     * needs an absolute URI there; override it with {@link Builder#docsBaseUri} for a fork or a mirror.
     */
    public static final URI DEFAULT_DOCS_BASE_URI = URI.create("https://github.com/dbops-dev/dbops/blob/main/");

    private static final LintRenderOptions DEFAULTS = builder().build();

    private final List<LintRule> rules;
    private final URI docsBaseUri;
    private final Optional<Severity> failOn;

    private LintRenderOptions(List<LintRule> rules, URI docsBaseUri, Optional<Severity> failOn) {
        this.rules = rules;
        this.docsBaseUri = docsBaseUri;
        this.failOn = failOn;
    }

    /** No rule list, the default docs location, and failing on {@link Severity#ERROR}, as {@code dbops lint} does. */
    public static LintRenderOptions defaults() {
        return DEFAULTS;
    }

    /** A builder with the {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The rules that ran, in the linter's order; empty when not given (then only rules that reported are described). */
    public List<LintRule> rules() {
        return rules;
    }

    /** The absolute URI, ending in {@code /}, against which doc paths such as {@code docs/rules/<id>.md} resolve. */
    public URI docsBaseUri() {
        return docsBaseUri;
    }

    /** The severity from which a violation fails the build; empty when nothing fails ({@code --fail-on never}). */
    public Optional<Severity> failOn() {
        return failOn;
    }

    /** Whether a violation of {@code severity} fails the build under these options. */
    boolean fails(Severity severity) {
        return failOn.map(severity::isAtLeast).orElse(false);
    }

    /** The absolute URI of a doc page given relative to the project root, e.g. {@code docs/rules/x.md}. */
    String docsUri(String docPath) {
        return docsBaseUri + docPath;
    }

    /** Configures {@link LintRenderOptions}; {@link #build()} checks every option and reports all problems at once. */
    public static final class Builder {

        private final List<LintRule> rules = new ArrayList<>();
        private String docsBaseUri = DEFAULT_DOCS_BASE_URI.toString();
        private Optional<Severity> failOn = Optional.of(Severity.ERROR);

        private Builder() {
        }

        /** The rules the linter ran, usually {@link MigrationLinter#rules()}; added to any given before. */
        public Builder rules(Collection<? extends LintRule> ruleList) {
            rules.addAll(ruleList);
            return this;
        }

        /**
         * Where the {@code docs/} folder is published, as an absolute URI ending in {@code /}; default
         * {@link #DEFAULT_DOCS_BASE_URI}.
         */
        public Builder docsBaseUri(String uri) {
            this.docsBaseUri = Objects.requireNonNull(uri, "uri");
            return this;
        }

        /** Violations of at least this severity fail the build; default {@link Severity#ERROR}. */
        public Builder failOn(Severity threshold) {
            this.failOn = Optional.of(Objects.requireNonNull(threshold, "threshold"));
            return this;
        }

        /** No violation fails the build ({@code --fail-on never}): JUnit XML then reports them all as output. */
        public Builder failOnNothing() {
            this.failOn = Optional.empty();
            return this;
        }

        /** Validates the options and builds them. */
        public LintRenderOptions build() {
            List<String> errors = new ArrayList<>();
            URI base = null;
            try {
                base = new URI(docsBaseUri);
                if (!base.isAbsolute() || base.isOpaque()) {
                    errors.add("docs base URI '" + docsBaseUri + "' is not an absolute hierarchical URI; GitHub code"
                            + " scanning needs one, e.g. " + DEFAULT_DOCS_BASE_URI);
                } else if (!docsBaseUri.endsWith("/")) {
                    errors.add("docs base URI '" + docsBaseUri + "' must end with '/' so that docs/rules/<id>.md"
                            + " resolves below it; write '" + docsBaseUri + "/'");
                }
            } catch (URISyntaxException e) {
                errors.add("docs base URI '" + docsBaseUri + "' is not a URI (" + e.getReason() + ")");
            }
            Set<String> ids = new HashSet<>();
            for (LintRule rule : rules) {
                if (!ids.add(rule.id())) {
                    errors.add("two rules have the id '" + rule.id() + "'; pass each rule once");
                }
            }
            if (!errors.isEmpty()) {
                throw new DbopsException(ErrorCode.INVALID_CONFIGURATION,
                        "Invalid lint output options: " + String.join("; ", errors));
            }
            return new LintRenderOptions(List.copyOf(rules), base, failOn);
        }
    }
}
