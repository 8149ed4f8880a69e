package dev.dbops.micronaut.guard;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.core.naming.NameResolver;
import java.util.Optional;
import javax.sql.DataSource;

/** What the guard's listeners need to know about a datasource bean that was just created. */
final class CreatedDataSources {

    private CreatedDataSources() {
    }

    /**
     * The datasource's name ({@code datasources.<name>}), as micronaut-flyway and micronaut-liquibase resolve it;
     * empty for a datasource bean without a name, which neither migrates.
     */
    static Optional<String> name(BeanCreatedEvent<DataSource> event) {
        if (event.getBeanDefinition() instanceof NameResolver resolver) {
            return resolver.resolveName();
        }
        return Optional.empty();
    }
}
