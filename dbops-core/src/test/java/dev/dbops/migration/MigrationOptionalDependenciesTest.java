package dev.dbops.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Loads dbops in a class loader that has neither Flyway nor Liquibase, the way an application that uses
 * neither sees it.
 */
class MigrationOptionalDependenciesTest {

    @Test
    void loadsFlywayLocationsAndPlainFilesWithoutFlywayOrLiquibase() throws Exception {
        try (URLClassLoader isolated = isolated()) {
            assertThatThrownBy(() -> isolated.loadClass("org.flywaydb.core.Flyway")).isInstanceOf(ClassNotFoundException.class);
            assertThatThrownBy(() -> isolated.loadClass("liquibase.Scope")).isInstanceOf(ClassNotFoundException.class);

            assertThat(migrations(isolated, MigrationSourceFlywayTest.ORDERED)).hasSize(9);
            assertThat(migrations(isolated, "src/test/resources/migrations/plain")).hasSize(3);
        }
    }

    @Test
    void namesTheDependencyToAddWhenAChangelogNeedsLiquibase() throws Exception {
        try (URLClassLoader isolated = isolated()) {
            assertThatThrownBy(() -> migrations(isolated, "src/test/resources/migrations/liquibase/xml/master.xml"))
                    .isInstanceOf(InvocationTargetException.class)
                    .cause()
                    .satisfies(e -> assertThat(e.getClass().getName()).isEqualTo("dev.dbops.DbopsException"))
                    .hasMessage("reading the Liquibase changelog src/test/resources/migrations/liquibase/xml/master.xml"
                            + " needs org.liquibase:liquibase-core on the classpath, and it is not there: add the"
                            + " dependency org.liquibase:liquibase-core (dbops is tested with 4.33.0) next to dbops");
        }
    }

    private static List<?> migrations(ClassLoader loader, String location) throws Exception {
        Class<?> source = loader.loadClass(MigrationSource.class.getName());
        Object builder = source.getMethod("builder").invoke(null);
        Class<?> builderType = builder.getClass();
        builderType.getMethod("location", String.class).invoke(builder, location);
        builderType.getMethod("placeholders", Map.class).invoke(builder, MigrationSourceFlywayTest.PLACEHOLDERS);
        Object built = builderType.getMethod("build").invoke(builder);
        Object set = source.getMethod("load").invoke(built);
        return (List<?>) set.getClass().getMethod("migrations").invoke(set);
    }

    /** dbops-core's own classes and SLF4J, on the platform class loader: no Flyway, no Liquibase. */
    private static URLClassLoader isolated() throws Exception {
        return new URLClassLoader(new URL[] {
            MigrationSource.class.getProtectionDomain().getCodeSource().getLocation(),
            org.slf4j.LoggerFactory.class.getProtectionDomain().getCodeSource().getLocation(),
            Class.forName("org.slf4j.simple.SimpleLogger").getProtectionDomain().getCodeSource().getLocation()
        }, ClassLoader.getPlatformClassLoader());
    }
}
