package dev.dbops.drift;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * One step of a drift check run on a daemon thread of its own while the calling thread does another: the
 * live inspection while the history is checked and the snapshot is read. {@link #join()} always waits for
 * the step to end, even when interrupted, because the step may be using the caller's connection.
 */
final class SideTask<T> {

    private final FutureTask<T> task;

    private SideTask(Supplier<T> step) {
        this.task = new FutureTask<>(step::get);
    }

    /** Starts the step now on a new daemon thread named {@code name}. */
    static <T> SideTask<T> start(String name, Supplier<T> step) {
        SideTask<T> side = new SideTask<>(step);
        Thread thread = new Thread(side.task, name);
        thread.setDaemon(true);
        thread.start();
        return side;
    }

    /**
     * Waits for the step and returns its result, or throws what it threw (unchecked exceptions and errors as
     * they are). An interrupt while waiting is kept for the caller, not acted on.
     */
    T join() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (cause instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
