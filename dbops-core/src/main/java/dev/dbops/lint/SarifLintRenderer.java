package dev.dbops.lint;

import dev.dbops.LockMode;
import dev.dbops.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@link LintFormat#SARIF}: a SARIF 2.1.0 log with one run, shaped for GitHub code scanning: every rule
 * that ran as a {@code reportingDescriptor} with an absolute {@code helpUri}, every violation as a result
 * located by a repository-relative URI, and {@code partialFingerprints} that stay the same when lines move.
 * Input problems become tool execution notifications. The fix goes into the message, not into SARIF
 * {@code fixes}: a safe alternative often belongs in another migration, so it is not a replacement of the
 * statement's text.
 */
final class SarifLintRenderer {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String VERSION = "2.1.0";
    static final String TOOL_NAME = "dbops";
    static final String INFORMATION_URI = "https://github.com/dbops-dev/dbops";
    /** The {@code uriBaseId} of relative file URIs: the root the files were named from (the repository in CI). */
    static final String SOURCE_ROOT = "%SRCROOT%";
    /** The fingerprint GitHub code scanning uses to recognise a result across commits. */
    static final String FINGERPRINT_KEY = "primaryLocationLineHash";

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:");
    private static final Pattern WINDOWS_DRIVE = Pattern.compile("^[A-Za-z]:/.*");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final LintRenderOptions options;

    SarifLintRenderer(LintRenderOptions options) {
        this.options = options;
    }

    String render(LintReport report) {
        RuleCatalog catalog = RuleCatalog.of(options.rules(), report);
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", TOOL_NAME);
        driver.put("informationUri", INFORMATION_URI);
        String version = SarifLintRenderer.class.getPackage().getImplementationVersion();
        if (version != null) {
            driver.put("version", version);
        }
        List<Object> rules = new ArrayList<>();
        for (RuleCatalog.Entry rule : catalog.entries()) {
            rules.add(rule(rule));
        }
        driver.put("rules", rules);

        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("invocations", List.of(invocation(report)));
        run.put("columnKind", "utf16CodeUnits");
        List<Object> results = new ArrayList<>();
        Map<String, Integer> occurrences = new HashMap<>();
        for (Violation violation : report.violations()) {
            results.add(result(violation, catalog, occurrences));
        }
        run.put("results", results);
        run.put("properties", Map.of("pgVersion", report.pgVersion()));

        Map<String, Object> log = new LinkedHashMap<>();
        log.put("$schema", SCHEMA);
        log.put("version", VERSION);
        log.put("runs", List.of(run));
        return Json.writePretty(log);
    }

    private Map<String, Object> rule(RuleCatalog.Entry rule) {
        String helpUri = options.docsUri(rule.docPath());
        Map<String, Object> descriptor = new LinkedHashMap<>();
        descriptor.put("id", rule.id());
        descriptor.put("name", rule.camelCaseName());
        descriptor.put("shortDescription", Map.of("text", rule.title()));
        descriptor.put("fullDescription", Map.of("text", rule.title() + " See " + helpUri + "."));
        descriptor.put("helpUri", helpUri);
        Map<String, Object> help = new LinkedHashMap<>();
        help.put("text", rule.title() + "\n\nWhy it matters, and the safe alternative: " + helpUri);
        help.put("markdown", "**" + markdown(rule.title()) + "**\n\nWhy it matters, and the safe alternative: ["
                + rule.docPath() + "](" + helpUri + ")");
        descriptor.put("help", help);
        descriptor.put("defaultConfiguration", Map.of("level", level(rule.severity())));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("tags", RuleCatalog.isSuppressionCheck(rule.id())
                ? List.of("dbops", "suppression") : List.of("dbops", "postgresql", "migration"));
        properties.put("problem.severity", switch (rule.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "recommendation";
        });
        descriptor.put("properties", properties);
        return descriptor;
    }

    private static Map<String, Object> invocation(LintReport report) {
        Map<String, Object> invocation = new LinkedHashMap<>();
        invocation.put("executionSuccessful", report.problems().isEmpty());
        if (!report.problems().isEmpty()) {
            List<Object> notifications = new ArrayList<>();
            for (InputProblem problem : report.problems()) {
                Map<String, Object> physical = new LinkedHashMap<>();
                physical.put("artifactLocation", artifactLocation(problem.file()));
                if (problem.line() > 0) {
                    physical.put("region", Map.of("startLine", problem.line()));
                }
                Map<String, Object> notification = new LinkedHashMap<>();
                notification.put("level", "error");
                notification.put("message", Map.of("text", problem.message()));
                notification.put("locations", List.of(Map.of("physicalLocation", physical)));
                notifications.add(notification);
            }
            invocation.put("toolExecutionNotifications", notifications);
        }
        return invocation;
    }

    private static Map<String, Object> result(Violation violation, RuleCatalog catalog,
            Map<String, Integer> occurrences) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ruleId", violation.ruleId());
        result.put("ruleIndex", catalog.indexOf(violation.ruleId()));
        result.put("level", level(violation.severity()));
        result.put("message", message(violation));
        Map<String, Object> physical = new LinkedHashMap<>();
        physical.put("artifactLocation", artifactLocation(violation.location().file()));
        physical.put("region", region(violation.location()));
        result.put("locations", List.of(Map.of("physicalLocation", physical)));
        String identity = fingerprint(violation);
        int occurrence = occurrences.merge(identity, 1, Integer::sum);
        result.put("partialFingerprints", Map.of(FINGERPRINT_KEY, identity + ":" + occurrence));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("lock", violation.lock() == LockMode.NONE ? Json.NULL : violation.lock().sqlName());
        properties.put("impact", violation.impact().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        violation.location().changeSet().ifPresent(changeSet -> properties.put("changeSet", changeSet));
        result.put("properties", properties);
        return result;
    }

    /** The message, with the lock and the safe alternative after it: GitHub shows the first sentence as the title. */
    private static Map<String, Object> message(Violation violation) {
        StringBuilder text = new StringBuilder(violation.message());
        StringBuilder markdown = new StringBuilder(markdown(violation.message()));
        if (violation.lock() != LockMode.NONE || violation.impact() != TableImpact.NONE) {
            String lock = "Lock: " + TextLintRenderer.lock(violation.lock()) + "; " + violation.impact().description()
                    + ".";
            text.append("\n\n").append(lock);
            markdown.append("\n\n").append(markdown(lock));
        }
        violation.fix().ifPresent(fix -> {
            text.append("\n\nSafe alternative:\n").append(fix);
            String fence = "`".repeat(Math.max(3, longestBacktickRun(fix) + 1));
            markdown.append("\n\nSafe alternative:\n\n").append(fence).append("sql\n").append(fix.stripTrailing())
                    .append('\n').append(fence);
        });
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("text", text.toString());
        message.put("markdown", markdown.toString());
        return message;
    }

    private static Map<String, Object> region(SourceLocation location) {
        Map<String, Object> region = new LinkedHashMap<>();
        region.put("startLine", Math.max(1, location.line()));
        region.put("startColumn", Math.max(1, location.column()));
        region.put("endLine", Math.max(Math.max(1, location.line()), location.endLine()));
        region.put("endColumn", Math.max(1, location.endColumn()));
        return region;
    }

    /**
     * The file as a SARIF artifact location: a relative path becomes a percent-encoded relative URI with
     * forward slashes against {@value #SOURCE_ROOT}; an absolute path becomes a {@code file:} URI; a name
     * that already is a URI ({@code classpath:db/changelog.xml}) is kept.
     */
    static Map<String, Object> artifactLocation(String file) {
        String path = file.replace('\\', '/');
        Map<String, Object> location = new LinkedHashMap<>();
        if (WINDOWS_DRIVE.matcher(path).matches()) {
            location.put("uri", "file:///" + encode(path, true));
        } else if (path.startsWith("/")) {
            location.put("uri", "file://" + encode(path, true));
        } else if (SCHEME.matcher(path).lookingAt()) {
            location.put("uri", encode(path, true));
        } else {
            while (path.startsWith("./")) {
                path = path.substring(2);
            }
            location.put("uri", encode(path, false));
            location.put("uriBaseId", SOURCE_ROOT);
        }
        return location;
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters, sub-delimiters, '@', '/' and optionally ':'. */
    private static String encode(String path, boolean keepColon) {
        StringBuilder out = new StringBuilder(path.length());
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~!$&'()*+,;=@/".indexOf(c) >= 0 || (keepColon && c == ':');
            if (plain) {
                out.append(c);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return out.toString();
    }

    /**
     * A hash of what identifies a finding regardless of where it sits in the file: the rule, the file and
     * the statement's text with whitespace runs collapsed. Repeats of the same finding get {@code :2}, {@code :3}…
     */
    private static String fingerprint(Violation violation) {
        String statement = WHITESPACE.matcher(violation.statement().strip()).replaceAll(" ");
        String identity = violation.ruleId() + '\u0000' + violation.location().file().replace('\\', '/') + '\u0000'
                + statement;
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /** Escapes the characters that Markdown would read as formatting. */
    private static String markdown(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if ("\\`*_[]<>|#".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static int longestBacktickRun(String text) {
        int longest = 0;
        int run = 0;
        for (char c : text.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
