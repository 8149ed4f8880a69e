package dev.dbops.micronaut;

import dev.dbops.drift.DriftGuard;
import dev.dbops.lint.MigrationLinter;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;

/** An application's own dbops beans for the default datasource, present when {@code test.own-beans=true}. */
@Factory
@Requires(property = "test.own-beans", value = "true")
public class OwnBeans {

    /** A guard that lets schema differences pass. */
    @Singleton
    @Named("default")
    DriftGuard ownDriftGuard() {
        return DriftGuard.builder().schemaDifferences(DriftGuard.Outcome.PASS).build();
    }

    /** A linter that ignores the rule about concurrent index creation. */
    @Singleton
    @Named("default")
    MigrationLinter ownLinter() {
        return MigrationLinter.builder().ignoreRules(List.of("require-concurrent-index-creation")).build();
    }
}
