package dev.dbops.micronaut.guard;

/**
 * Where the startup guard's {@code BeanCreatedEventListener<DataSource>} beans run among the others of the
 * created datasource, by {@code @Order} (lower first). micronaut-flyway's {@code DataSourceMigrationRunner} and
 * micronaut-liquibase's {@code LiquibaseMigrationRunner} migrate in listeners of the default order, 0.
 */
public final class GuardOrder {

    /** The lint of pending migrations: before the migration runners. */
    public static final int LINT = -1000;

    /** The drift check: after the migration runners. */
    public static final int DRIFT = 1000;

    private GuardOrder() {
    }
}
