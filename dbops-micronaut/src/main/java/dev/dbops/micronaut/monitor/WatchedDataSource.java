package dev.dbops.micronaut.monitor;

import dev.dbops.audit.AuditCheck;
import dev.dbops.audit.AuditReport;
import dev.dbops.audit.AuditThreshold;
import dev.dbops.audit.AuditThresholds;
import dev.dbops.audit.DatabaseAudit;
import dev.dbops.micronaut.RequiresDbops;
import dev.dbops.micronaut.config.DbopsDataSources;
import dev.dbops.micronaut.config.DbopsSettings;
import dev.dbops.micronaut.config.DrillSettings;
import dev.dbops.micronaut.config.PoolSizingSettings;
import dev.dbops.micronaut.config.ReplicationSettings;
import dev.dbops.pool.PoolInspector;
import dev.dbops.runtime.BackupStatus;
import dev.dbops.runtime.MonitorDatabase;
import dev.dbops.runtime.PoolMonitor;
import dev.dbops.runtime.PoolSizing;
import dev.dbops.runtime.ReplicationProbe;
import io.micronaut.context.BeanLocator;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.EachBean;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.reflect.ClassUtils;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * What dbops watches on one datasource while the application runs: its pool (HikariCP), its backups and
 * scheduled drills, its replication, and the audit the endpoint shows. One per {@link DataSource} bean, named
 * like it; each part is present when its {@code dbops.*} switch (or the datasource's own) is on.
 */
@Context
@EachBean(DataSource.class)
@RequiresDbops
public class WatchedDataSource {

    private static final boolean HIKARI = ClassUtils.isPresent("com.zaxxer.hikari.HikariDataSource",
            WatchedDataSource.class.getClassLoader());

    private final String name;
    private final boolean watched;
    private final DbopsSettings settings;
    private final MonitorDatabase database;
    private final Optional<PoolMonitor> pool;
    private final Optional<PoolSizing> sizing;
    private final Optional<BackupStatus> backup;
    private final Optional<ReplicationProbe> replication;
    private final Optional<ScheduledDrills> drills;
    private final TaskScheduler scheduler;

    /** Creates the watch of the datasource named {@code name}; the pool monitor starts once it is created. */
    public WatchedDataSource(@Parameter String name, DataSource dataSource, DbopsDataSources dataSources,
            MonitorDatabases databases, BeanLocator beans, @Nullable DataSourceResolver resolver,
            @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.name = Objects.requireNonNull(name, "name");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        DataSource pool = (resolver != null ? resolver : DataSourceResolver.DEFAULT).resolve(dataSource);
        this.watched = dataSources.watches(name);
        this.settings = dataSources.settings(name);
        this.database = databases.of(name, pool);
        boolean inspected = watched && settings.getPool().isEnabled() && HIKARI;
        this.pool = !inspected ? Optional.empty() : Optional.of(beans.findBean(PoolInspector.class, Qualifiers.byName(name))
                .map(own -> PoolMonitor.of(own, settings.getPool().getInspectionInterval()))
                .orElseGet(() -> HikariPools.monitor(pool, database, settings.getPool())));
        this.sizing = !inspected ? Optional.empty() : Optional.of(new PoolSizing(() -> HikariPools.settings(pool),
                workload(settings.getSizing()), database, HikariPools.applicationName(pool)));
        this.backup = watched && settings.getBackup().isEnabled() ? Optional.of(new BackupStatus(
                Optional.ofNullable(settings.getBackup().getHistory()), settings.getBackup().getMaxAge(),
                Clock.systemUTC())) : Optional.empty();
        this.replication = watched && settings.getReplication().isEnabled()
                ? Optional.of(probe(database, settings.getReplication())) : Optional.empty();
        this.drills = backup.isPresent() && !DrillSettings.DISABLED.equals(settings.getDrill().getCron().strip())
                ? Optional.of(new ScheduledDrills(ScheduledDrills.drill(database, settings.getDrill()),
                        Optional.ofNullable(settings.getBackup().getHistory()), backup.get())) : Optional.empty();
    }

    /** Starts the pool monitor and schedules the drills. */
    @PostConstruct
    void start() {
        pool.ifPresent(PoolMonitor::start);
        drills.ifPresent(d -> d.schedule(scheduler, settings.getDrill().getCron().strip()));
    }

    /** Stops the pool monitor and the drill schedule. */
    @PreDestroy
    void stop() {
        pool.ifPresent(PoolMonitor::close);
        drills.ifPresent(ScheduledDrills::close);
    }

    /** The datasource's name. */
    public String name() {
        return name;
    }

    /** Whether dbops watches this datasource ({@code dbops.datasources.<name>.enabled}). */
    public boolean watched() {
        return watched;
    }

    /** The settings that apply to this datasource. */
    public DbopsSettings settings() {
        return settings;
    }

    /** The datasource's database, reached on dbops's own connections. */
    public MonitorDatabase database() {
        return database;
    }

    /** The pool monitor, when the pool is inspected ({@code dbops.pool.enabled}, HikariCP on the class path). */
    public Optional<PoolMonitor> pool() {
        return pool;
    }

    /** The pool's settings and recommendation, when the pool is inspected. */
    public Optional<PoolSizing> sizing() {
        return sizing;
    }

    /** The backup status, when backups are reported ({@code dbops.backup.enabled}). */
    public Optional<BackupStatus> backup() {
        return backup;
    }

    /** The scheduled drills, when {@code dbops.backup.drill.cron} names a schedule. */
    public Optional<ScheduledDrills> drills() {
        return drills;
    }

    /** The replication probe, when replication is reported ({@code dbops.replication.enabled}). */
    public Optional<ReplicationProbe> replication() {
        return replication;
    }

    /** Runs the operational audit on dbops's own connection, when its summary is enabled ({@code dbops.audit.enabled}). */
    public Optional<Supplier<AuditReport>> audit() {
        if (!watched || !settings.getAudit().isEnabled()) {
            return Optional.empty();
        }
        return Optional.of(() -> {
            try (Connection connection = database.open(Duration.ofSeconds(5))) {
                return DatabaseAudit.builder().build().run(connection);
            } catch (SQLException e) {
                throw new IllegalStateException("closing the audit's connection failed: " + e.getMessage(), e);
            }
        });
    }

    private static Optional<PoolSizing.Workload> workload(PoolSizingSettings sizing) {
        if (sizing.getPeakRate() == null) {
            return Optional.empty();
        }
        return Optional.of(new PoolSizing.Workload(sizing.getPeakRate(),
                sizing.getDbTime() != null ? sizing.getDbTime() : Duration.ZERO,
                Optional.ofNullable(sizing.getDbTimeP99()), Optional.ofNullable(sizing.getTargetWait()),
                sizing.getInstances(), sizing.getMaxInstances() != null ? sizing.getMaxInstances() : sizing.getInstances()));
    }

    private static ReplicationProbe probe(MonitorDatabase database, ReplicationSettings replication) {
        DatabaseAudit audit = DatabaseAudit.builder().only(AuditCheck.REPLICATION_LAG)
                .statementTimeout(replication.getStatementTimeout())
                .thresholds(AuditThresholds.builder()
                        .set(AuditThreshold.REPLICATION_LAG_WARNING, replication.getLagWarning())
                        .set(AuditThreshold.REPLICATION_LAG_CRITICAL, replication.getLagCritical()).build())
                .build();
        return new ReplicationProbe(database, audit, replication.getStatementTimeout());
    }

    @Override
    public String toString() {
        return "WatchedDataSource[" + name + ", " + database.location() + "]";
    }
}
