package dev.dbops.micronaut.guard;

/** Finds the {@link DbopsStartupException} inside the exception Micronaut reports a failed startup with. */
final class DbopsStartupExceptions {

    private DbopsStartupExceptions() {
    }

    static DbopsStartupException find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DbopsStartupException startup) {
                return startup;
            }
        }
        throw new AssertionError("no DbopsStartupException in " + failure, failure);
    }
}
