package dev.dbops.lint;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a parsed SARIF log against the parts of the SARIF 2.1.0 schema ({@code sarif-schema-2.1.0.json},
 * OASIS) that dbops writes: for each object kind the properties the schema allows (it forbids any other,
 * {@code additionalProperties: false}), the ones it requires, the level enum, integer minimums, and the
 * {@code uri} formats. Returns every deviation, so a failing test lists them all.
 */
final class SarifShape {

    private record Kind(Set<String> allowed, Set<String> required) {
    }

    private static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("sarifLog", new Kind(Set.of("$schema", "version", "runs", "inlineExternalProperties",
                    "properties"), Set.of("version", "runs"))),
            Map.entry("run", new Kind(Set.of("tool", "invocations", "conversion", "language",
                    "versionControlProvenance", "originalUriBaseIds", "artifacts", "logicalLocations", "graphs",
                    "results", "automationDetails", "runAggregates", "baselineGuid", "redactionTokens",
                    "defaultEncoding", "defaultSourceLanguage", "newlineSequences", "columnKind",
                    "externalPropertyFileReferences", "threadFlowLocations", "taxonomies", "addresses",
                    "translations", "policies", "webRequests", "webResponses", "specialLocations", "properties"),
                    Set.of("tool"))),
            Map.entry("tool", new Kind(Set.of("driver", "extensions", "properties"), Set.of("driver"))),
            Map.entry("toolComponent", new Kind(Set.of("guid", "name", "organization", "product", "productSuite",
                    "shortDescription", "fullDescription", "fullName", "version", "semanticVersion",
                    "dottedQuadFileVersion", "releaseDateUtc", "downloadUri", "informationUri", "globalMessageStrings",
                    "notifications", "rules", "taxa", "locations", "language", "contents", "isComprehensive",
                    "localizedDataSemanticVersion", "minimumRequiredLocalizedDataSemanticVersion",
                    "associatedComponent", "translationMetadata", "supportedTaxonomies", "properties"),
                    Set.of("name"))),
            Map.entry("reportingDescriptor", new Kind(Set.of("id", "deprecatedIds", "guid", "deprecatedGuids", "name",
                    "deprecatedNames", "shortDescription", "fullDescription", "messageStrings",
                    "defaultConfiguration", "helpUri", "help", "relationships", "properties"), Set.of("id"))),
            Map.entry("multiformatMessageString", new Kind(Set.of("text", "markdown", "properties"), Set.of("text"))),
            Map.entry("reportingConfiguration", new Kind(Set.of("enabled", "level", "rank", "parameters",
                    "properties"), Set.of())),
            Map.entry("invocation", new Kind(Set.of("commandLine", "arguments", "responseFiles", "startTimeUtc",
                    "endTimeUtc", "exitCode", "ruleConfigurationOverrides", "notificationConfigurationOverrides",
                    "toolExecutionNotifications", "toolConfigurationNotifications", "exitCodeDescription",
                    "exitSignalName", "exitSignalNumber", "processStartFailureMessage", "executionSuccessful",
                    "machine", "account", "processId", "executableLocation", "workingDirectory",
                    "environmentVariables", "stdin", "stdout", "stderr", "stdoutStderr", "properties"),
                    Set.of("executionSuccessful"))),
            Map.entry("notification", new Kind(Set.of("locations", "message", "level", "threadId", "timeUtc",
                    "exception", "descriptor", "associatedRule", "properties"), Set.of("message"))),
            Map.entry("result", new Kind(Set.of("ruleId", "ruleIndex", "rule", "kind", "level", "message",
                    "analysisTarget", "locations", "guid", "correlationGuid", "occurrenceCount", "partialFingerprints",
                    "fingerprints", "stacks", "codeFlows", "graphs", "graphTraversals", "relatedLocations",
                    "suppressions", "baselineState", "rank", "attachments", "hostedViewerUri", "workItemUris",
                    "provenance", "fixes", "taxa", "webRequest", "webResponse", "properties"), Set.of("message"))),
            Map.entry("message", new Kind(Set.of("text", "markdown", "id", "arguments", "properties"), Set.of("text"))),
            Map.entry("location", new Kind(Set.of("id", "physicalLocation", "logicalLocations", "message",
                    "annotations", "relationships", "properties"), Set.of())),
            Map.entry("physicalLocation", new Kind(Set.of("address", "artifactLocation", "region", "contextRegion",
                    "properties"), Set.of("artifactLocation"))),
            Map.entry("artifactLocation", new Kind(Set.of("uri", "uriBaseId", "index", "description", "properties"),
                    Set.of("uri"))),
            Map.entry("region", new Kind(Set.of("startLine", "startColumn", "endLine", "endColumn", "charOffset",
                    "charLength", "byteOffset", "byteLength", "snippet", "message", "sourceLanguage", "properties"),
                    Set.of("startLine"))));

    private static final Set<String> LEVELS = Set.of("none", "note", "warning", "error");

    private final List<String> problems = new ArrayList<>();

    private SarifShape() {
    }

    /** Every way {@code log} deviates from the schema; empty when it conforms. */
    static List<String> check(Object log) {
        SarifShape shape = new SarifShape();
        shape.sarifLog(log);
        return shape.problems;
    }

    private void sarifLog(Object value) {
        Map<?, ?> log = object("sarifLog", "$", value);
        if (!"2.1.0".equals(log.get("version"))) {
            problems.add("$.version must be 2.1.0");
        }
        each(log, "runs", "$", this::run);
    }

    private void run(String path, Object value) {
        Map<?, ?> run = object("run", path, value);
        Map<?, ?> tool = object("tool", path + ".tool", run.get("tool"));
        Map<?, ?> driver = object("toolComponent", path + ".tool.driver", tool.get("driver"));
        absoluteUri(path + ".tool.driver.informationUri", driver.get("informationUri"));
        each(driver, "rules", path + ".tool.driver", this::rule);
        each(run, "invocations", path, this::invocation);
        if (run.containsKey("columnKind") && !Set.of("utf16CodeUnits", "unicodeCodePoints").contains(run.get("columnKind"))) {
            problems.add(path + ".columnKind is not a known column kind");
        }
        each(run, "results", path, this::result);
    }

    private void rule(String path, Object value) {
        Map<?, ?> rule = object("reportingDescriptor", path, value);
        for (String key : List.of("shortDescription", "fullDescription", "help")) {
            if (rule.containsKey(key)) {
                object("multiformatMessageString", path + "." + key, rule.get(key));
            }
        }
        absoluteUri(path + ".helpUri", rule.get("helpUri"));
        if (rule.containsKey("defaultConfiguration")) {
            Map<?, ?> configuration = object("reportingConfiguration", path + ".defaultConfiguration",
                    rule.get("defaultConfiguration"));
            level(path + ".defaultConfiguration.level", configuration.get("level"));
        }
    }

    private void invocation(String path, Object value) {
        Map<?, ?> invocation = object("invocation", path, value);
        each(invocation, "toolExecutionNotifications", path, (p, n) -> {
            Map<?, ?> notification = object("notification", p, n);
            object("message", p + ".message", notification.get("message"));
            level(p + ".level", notification.get("level"));
            each(notification, "locations", p, this::location);
        });
    }

    private void result(String path, Object value) {
        Map<?, ?> result = object("result", path, value);
        object("message", path + ".message", result.get("message"));
        level(path + ".level", result.get("level"));
        if (result.get("ruleIndex") instanceof Long index && index < -1) {
            problems.add(path + ".ruleIndex must be at least -1");
        }
        each(result, "locations", path, this::location);
        if (result.get("partialFingerprints") instanceof Map<?, ?> fingerprints) {
            fingerprints.values().stream().filter(v -> !(v instanceof String))
                    .forEach(v -> problems.add(path + ".partialFingerprints values must be strings"));
        }
    }

    private void location(String path, Object value) {
        Map<?, ?> location = object("location", path, value);
        Map<?, ?> physical = object("physicalLocation", path + ".physicalLocation", location.get("physicalLocation"));
        Map<?, ?> artifact = object("artifactLocation", path + ".physicalLocation.artifactLocation",
                physical.get("artifactLocation"));
        try {
            new URI((String) artifact.get("uri"));
        } catch (Exception e) {
            problems.add(path + ".physicalLocation.artifactLocation.uri is not a URI reference: " + artifact.get("uri"));
        }
        if (physical.containsKey("region")) {
            Map<?, ?> region = object("region", path + ".physicalLocation.region", physical.get("region"));
            region.forEach((key, number) -> {
                if (!(number instanceof Long n) || n < 1) {
                    problems.add(path + ".physicalLocation.region." + key + " must be an integer of at least 1");
                }
            });
        }
    }

    private Map<?, ?> object(String kindName, String path, Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(path + " must be a " + kindName + " object but is " + value);
            return Map.of();
        }
        Kind kind = KINDS.get(kindName);
        for (Object key : map.keySet()) {
            if (!kind.allowed().contains(key)) {
                problems.add(path + " has property '" + key + "', which a " + kindName + " does not allow");
            }
        }
        for (String key : kind.required()) {
            if (!map.containsKey(key)) {
                problems.add(path + " lacks required property '" + key + "' of a " + kindName);
            }
        }
        return map;
    }

    private void each(Map<?, ?> parent, String key, String path, java.util.function.BiConsumer<String, Object> check) {
        Object value = parent.get(key);
        if (value == null) {
            return;
        }
        if (!(value instanceof List<?> list)) {
            problems.add(path + "." + key + " must be an array");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            check.accept(path + "." + key + "[" + i + "]", list.get(i));
        }
    }

    private void level(String path, Object level) {
        if (level != null && !LEVELS.contains(level)) {
            problems.add(path + " must be one of " + LEVELS + " but is " + level);
        }
    }

    private void absoluteUri(String path, Object uri) {
        if (uri == null) {
            return;
        }
        try {
            if (!new URI((String) uri).isAbsolute()) {
                problems.add(path + " must be an absolute URI but is " + uri);
            }
        } catch (Exception e) {
            problems.add(path + " is not a URI: " + uri);
        }
    }
}
