package dev.dbops.micronaut.management;

import dev.dbops.micronaut.RequiresDbops;
import dev.dbops.micronaut.guard.DriftStatus;
import dev.dbops.micronaut.monitor.WatchedDataSource;
import dev.dbops.runtime.StatusDocument;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.annotation.Read;
import io.micronaut.management.endpoint.annotation.Selector;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The read-only {@code dbops} management endpoint: for each datasource dbops watches, the drift report of the
 * startup check, the pool's settings next to the recommendation for the configured workload and its latest
 * inspection, the backup drills, and a summary of the operational audit: the content of the Spring Boot
 * starter's actuator endpoint. {@code GET /dbops} shows every datasource by name, {@code GET /dbops/<name>} one.
 * Reports appear in their documented JSON formats ({@code formatVersion}).
 *
 * <p>The drift, pool inspection and backup parts are what is already known; the pool budget and the audit are
 * read when the endpoint is called, on dbops's own connection. Sensitive by default (it names the database and
 * runs the audit): open it with {@code endpoints.dbops.sensitive=false} or secure it with micronaut-security.
 */
@Endpoint(id = DbopsEndpoint.ID, defaultSensitive = true)
@RequiresDbops
@Requires(classes = Endpoint.class)
public class DbopsEndpoint {

    /** The endpoint's id and path. */
    public static final String ID = "dbops";

    private final Collection<WatchedDataSource> dataSources;
    private final DriftStatus drift;

    /** Creates the endpoint over every watched datasource. */
    public DbopsEndpoint(Collection<WatchedDataSource> dataSources, DriftStatus drift) {
        this.dataSources = List.copyOf(dataSources);
        this.drift = Objects.requireNonNull(drift, "drift");
    }

    /** Everything dbops knows about each watched datasource, by name. */
    @Read
    public Map<String, Object> dbops() {
        Map<String, Object> out = new LinkedHashMap<>();
        dataSources.stream().filter(WatchedDataSource::watched).sorted(Comparator.comparing(WatchedDataSource::name))
                .forEach(watched -> out.put(watched.name(), of(watched)));
        return out;
    }

    /** Everything dbops knows about one datasource; null (404) when dbops does not watch one of that name. */
    @Read
    @Nullable
    public Map<String, Object> dataSource(@Selector String name) {
        return dataSources.stream().filter(w -> w.watched() && w.name().equals(name)).findFirst().map(this::of)
                .orElse(null);
    }

    private Map<String, Object> of(WatchedDataSource watched) {
        return StatusDocument.of(drift.latest(watched.name()), watched.pool(), watched.sizing(), watched.backup(),
                watched.audit());
    }
}
