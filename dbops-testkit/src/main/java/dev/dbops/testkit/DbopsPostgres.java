package dev.dbops.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test a fresh, empty PostgreSQL database, dropped afterwards.
 *
 * <p>Annotate a field or a parameter of type {@link javax.sql.DataSource}, {@link String} (a JDBC URL with
 * the user and password in it), {@link dev.dbops.postgres.PostgresDatabase} or
 * {@link dev.dbops.postgres.PostgresUrl}:
 * <pre>{@code
 * class OrderRepositoryTest {
 *     @DbopsPostgres
 *     static DataSource catalog;          // static: one database for the whole class
 *
 *     @DbopsPostgres(keepOnFailure = true)
 *     DataSource dataSource;              // instance: a new database for every test
 *
 *     @Test
 *     void savesAnOrder(@DbopsPostgres String jdbcUrl) { … }   // the same database as dataSource
 * }
 * }</pre>
 * Within one test, every injection point with the same server gets the same database; within one class,
 * every static field and every parameter of a {@code @BeforeAll}/{@code @AfterAll} method does.
 *
 * <p>The server comes from {@link dev.dbops.postgres.PostgresProvider}: by default the one chosen by
 * {@code DBOPS_TEST_POSTGRES} (or {@code -Ddbops.test.postgres}), else an embedded PostgreSQL 15 started once
 * per JVM. On a class, the annotation sets the defaults of its fields and parameters (and of nested classes).
 * Misuse — an unsupported type, a {@code final} field, a {@code version} that contradicts {@code server} —
 * fails the test with an {@link org.junit.jupiter.api.extension.ExtensionConfigurationException} that names
 * the field or parameter.
 */
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DbopsPostgresExtension.class)
public @interface DbopsPostgres {

    /**
     * The PostgreSQL version: a major ({@code "18"}) or an exact release ({@code "15.19.0"}). With the default
     * embedded server it starts an embedded server of that version (one per JVM); with {@code testcontainers}
     * it picks the image tag; with the URL of an existing server it is checked against that server's major
     * version. Empty (the default): the configured server's version.
     */
    String version() default "";

    /**
     * The server, in the forms of {@code DBOPS_TEST_POSTGRES}: {@code embedded}, {@code embedded:17}, a
     * {@code jdbc:postgresql://…} or {@code postgresql://…} URL of a server whose user may create databases,
     * or {@code testcontainers[:tag]} (only where a Docker engine runs). Empty (the default): the configured
     * one. Prefer {@code DBOPS_TEST_POSTGRES} for URLs, so that no password is written in a test.
     */
    String server() default "";

    /**
     * Whether the database of a failed test is kept instead of dropped, and its URL (without password)
     * reported as the report entry {@code dbops.kept-database} and logged. An embedded server still stops
     * when the JVM exits; point {@code DBOPS_TEST_POSTGRES} at a server to keep the database longer. On a
     * class, it applies to every field and parameter of the class.
     */
    boolean keepOnFailure() default false;
}
