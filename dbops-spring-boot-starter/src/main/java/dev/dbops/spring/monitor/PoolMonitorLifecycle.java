package dev.dbops.spring.monitor;

import dev.dbops.runtime.PoolMonitor;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the application's {@link PoolMonitor} with the context and stops it on shutdown, whether dbops created
 * the monitor or the application defined its own.
 */
public final class PoolMonitorLifecycle implements SmartLifecycle {

    private final ObjectProvider<PoolMonitor> monitor;

    /** Creates the lifecycle for the monitor bean, when there is one. */
    public PoolMonitorLifecycle(ObjectProvider<PoolMonitor> monitor) {
        this.monitor = Objects.requireNonNull(monitor, "monitor");
    }

    @Override
    public void start() {
        monitor.ifUnique(PoolMonitor::start);
    }

    @Override
    public void stop() {
        monitor.ifUnique(PoolMonitor::close);
    }

    @Override
    public boolean isRunning() {
        PoolMonitor unique = monitor.getIfUnique();
        return unique != null && unique.isRunning();
    }
}
