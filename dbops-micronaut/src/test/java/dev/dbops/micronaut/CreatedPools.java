package dev.dbops.micronaut;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Remembers every datasource the tests' contexts create, so that a context whose startup failed (which Micronaut
 * does not stop) can have its pools closed.
 */
@Singleton
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CreatedPools implements BeanCreatedEventListener<DataSource> {

    private static final List<AutoCloseable> POOLS = new ArrayList<>();

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        if (event.getBean() instanceof AutoCloseable closeable) {
            synchronized (POOLS) {
                POOLS.add(closeable);
            }
        }
        return event.getBean();
    }

    /** Closes the pools created so far and forgets them. */
    static void closeAll() {
        synchronized (POOLS) {
            for (AutoCloseable pool : POOLS) {
                try {
                    pool.close();
                } catch (Exception ignored) {
                    // closing a pool of a failed context: nothing to report
                }
            }
            POOLS.clear();
        }
    }

    /** Forgets the pools created so far (their context closes them). */
    static void forget() {
        synchronized (POOLS) {
            POOLS.clear();
        }
    }
}
