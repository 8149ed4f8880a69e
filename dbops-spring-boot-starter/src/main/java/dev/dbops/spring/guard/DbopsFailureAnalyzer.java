package dev.dbops.spring.guard;

import dev.dbops.DbopsException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a startup stopped by dbops the way Spring Boot reports its own startup failures: a description of
 * what was found and the action to take, instead of a stack trace.
 *
 * <p>A {@link DbopsStartupException} brings both texts; any other {@link DbopsException} (a builder refusing
 * a {@code dbops.*} value, for example) is described by its message and error code.
 */
public class DbopsFailureAnalyzer extends AbstractFailureAnalyzer<DbopsException> {

    /** Creates the analyzer; Spring Boot finds it in {@code META-INF/spring.factories}. */
    public DbopsFailureAnalyzer() {
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DbopsException cause) {
        if (cause instanceof DbopsStartupException startup) {
            return new FailureAnalysis(startup.description(), startup.action(), startup);
        }
        return new FailureAnalysis("dbops failed during startup (" + cause.code() + "): " + cause.getMessage(),
                "Correct the dbops.* configuration or the problem the message names; see docs/spring-boot.md.", cause);
    }
}
