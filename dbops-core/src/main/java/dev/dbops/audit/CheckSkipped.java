package dev.dbops.audit;

/** Thrown by a check that finds, while running, that it does not apply; the runner reports it as skipped. */
final class CheckSkipped extends Exception {

    private static final long serialVersionUID = 1L;

    CheckSkipped(String reason) {
        super(reason, null, false, false);
    }
}
