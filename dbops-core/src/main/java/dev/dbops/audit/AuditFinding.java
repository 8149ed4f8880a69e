package dev.dbops.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One audit finding, as data: which check, how urgent, on which object, what is wrong, the numbers
 * that show it, and the SQL that remedies it where there is one. Only the policy layer (CLI exit code,
 * health indicator, test assertion) turns findings into a failure.
 *
 * @param check the check that found it
 * @param severity how urgent it is
 * @param object what it is about, e.g. {@code public.orders}, {@code pid 4711}, {@code database shop},
 *     {@code slot standby_1}
 * @param message what is wrong, with the decisive numbers
 * @param evidence the measurements behind the finding, in a stable order; values are {@link Long},
 *     {@link Double}, {@link Boolean} or {@link String} (times as ISO-8601 text, durations in seconds,
 *     sizes in bytes, as the key names say)
 * @param remediation SQL that remedies it, possibly several statements with {@code --} comments on how
 *     they lock; empty when no SQL can (the fix is in the application or the server configuration)
 */
public record AuditFinding(AuditCheck check, AuditSeverity severity, String object, String message,
        Map<String, Object> evidence, Optional<String> remediation) {

    /** Validates the parts and copies the evidence into an unmodifiable map that keeps its order. */
    public AuditFinding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(remediation, "remediation");
        Map<String, Object> copy = new LinkedHashMap<>();
        Objects.requireNonNull(evidence, "evidence").forEach((key, value) -> copy.put(
                Objects.requireNonNull(key, "evidence key"), normalized(key, value)));
        evidence = Collections.unmodifiableMap(copy);
    }

    /** The evidence value under {@code key}, if present. */
    public Optional<Object> evidence(String key) {
        return Optional.ofNullable(evidence.get(key));
    }

    /** The numeric evidence value under {@code key} as a double, if present and numeric. */
    public Optional<Double> number(String key) {
        return evidence(key).filter(Number.class::isInstance).map(value -> ((Number) value).doubleValue());
    }

    private static Object normalized(String key, Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            throw new IllegalArgumentException("evidence '" + key + "' is not a finite number: " + d);
        }
        if (value instanceof Long || value instanceof Double || value instanceof Boolean || value instanceof String) {
            return value;
        }
        throw new IllegalArgumentException("evidence '" + key + "' must be a Long, Double, Boolean or String, was "
                + (value == null ? "null" : value.getClass().getName()));
    }
}
