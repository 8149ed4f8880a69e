package dev.dbops.micronaut;

import io.micronaut.context.ApplicationContext;
import java.util.Map;

/** Starts Micronaut contexts for tests, and closes one whose startup failed (its pools included). */
public final class Contexts {

    private Contexts() {
    }

    /** Starts a context with these properties; the caller closes it. */
    public static ApplicationContext start(Map<String, Object> properties) {
        ApplicationContext context = ApplicationContext.builder().properties(properties).deduceEnvironment(false)
                .build();
        try {
            ApplicationContext started = context.start();
            CreatedPools.forget();
            return started;
        } catch (RuntimeException e) {
            CreatedPools.closeAll();
            throw e;
        }
    }

    /** Starts a context that must fail to start, and returns why; the context is stopped either way. */
    public static Throwable failure(Map<String, Object> properties) {
        try (ApplicationContext context = start(properties)) {
            throw new AssertionError("the context started, but it was expected to fail: " + context);
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** The messages of a failure and all its causes, one per line: what a developer reads in the log. */
    public static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
        }
        return text.toString();
    }
}
