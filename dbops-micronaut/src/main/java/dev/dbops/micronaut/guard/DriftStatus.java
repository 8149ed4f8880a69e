package dev.dbops.micronaut.guard;

import dev.dbops.micronaut.RequiresDbops;
import dev.dbops.runtime.DriftCheckResult;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest {@link DriftCheckResult} of each datasource, shared by the guard, the health indicator, the
 * endpoint and the meters.
 */
@Singleton
@RequiresDbops
public class DriftStatus {

    private final Map<String, DriftCheckResult> latest = new ConcurrentHashMap<>();

    /** Creates an empty status: no check has run yet. */
    public DriftStatus() {
    }

    /** Records the result of a datasource's check, replacing the previous one. */
    public void record(String dataSource, DriftCheckResult result) {
        latest.put(Objects.requireNonNull(dataSource, "dataSource"), Objects.requireNonNull(result, "result"));
    }

    /** The latest result of a datasource; empty before its startup check has run. */
    public Optional<DriftCheckResult> latest(String dataSource) {
        return Optional.ofNullable(latest.get(dataSource));
    }

    /** The latest result of every datasource checked, by name. */
    public Map<String, DriftCheckResult> all() {
        return new TreeMap<>(latest);
    }
}
