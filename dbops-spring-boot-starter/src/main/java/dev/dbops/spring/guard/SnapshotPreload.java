package dev.dbops.spring.guard;

import dev.dbops.schema.SchemaSnapshot;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.ResourceLoaderAware;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Reads and parses the committed snapshot of the startup drift check on a daemon thread of its own, from the
 * start of the context refresh, so that the parse overlaps the creation of the application's beans and its
 * migrations instead of adding to the startup; {@link DriftDetectors#build} then takes the result.
 *
 * <p>It needs no database and no bean of the application, only {@code dbops.guard.drift.snapshot} from the
 * environment and the resource it names, so it can start before any bean exists. It starts only when the
 * auto-configuration's own {@code dbopsDriftDetector} will be created. Errors are kept and thrown, as the
 * same {@link DbopsStartupException}, where the detector is built: where the read would have failed without
 * the preload. A detector built for another location reads that one itself.
 */
public final class SnapshotPreload implements BeanFactoryPostProcessor, EnvironmentAware, ResourceLoaderAware {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotPreload.class);

    /** The bean name of the auto-configuration's detector, whose snapshot this reads. */
    static final String DETECTOR_BEAN = "dbopsDriftDetector";

    private final String defaultLocation;
    private Environment environment;
    private ResourceLoader resources;
    private volatile String location;
    private volatile FutureTask<Optional<SchemaSnapshot>> read;

    /**
     * Creates the preload.
     *
     * @param defaultLocation the location when {@code dbops.guard.drift.snapshot} is not set
     */
    public SnapshotPreload(String defaultLocation) {
        this.defaultLocation = Objects.requireNonNull(defaultLocation, "defaultLocation");
    }

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setResourceLoader(ResourceLoader resourceLoader) {
        this.resources = resourceLoader;
    }

    /** Starts the read, when the auto-configuration's detector is going to be created. */
    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!beanFactory.containsBeanDefinition(DETECTOR_BEAN) || environment == null || resources == null) {
            return;
        }
        String where = Binder.get(environment).bind("dbops.guard.drift.snapshot", String.class).orElse(defaultLocation);
        FutureTask<Optional<SchemaSnapshot>> task = new FutureTask<>(() -> read(where));
        location = where;
        read = task;
        Thread thread = new Thread(task, "dbops-snapshot-preload");
        thread.setDaemon(true);
        thread.start();
    }

    private Optional<SchemaSnapshot> read(String where) {
        long started = System.nanoTime();
        Resource resource = resources.getResource(where);
        Optional<SchemaSnapshot> snapshot = resource.exists() ? Optional.of(DriftDetectors.read(resource, where))
                : Optional.empty();
        LOG.debug("dbops read the snapshot {} in the background in {} ms", where, (System.nanoTime() - started) / 1_000_000);
        return snapshot;
    }

    /**
     * The snapshot at {@code where} as the preload read it, waiting for the read to end: empty inside when the
     * resource does not exist; empty outside when the preload did not read {@code where} (then the caller
     * reads it). Each read is handed out once.
     *
     * @throws DbopsStartupException as {@link DriftDetectors#build} would throw it for this snapshot
     */
    Optional<Optional<SchemaSnapshot>> take(String where) {
        FutureTask<Optional<SchemaSnapshot>> task = read;
        if (task == null || !where.equals(location)) {
            return Optional.empty();
        }
        read = null;
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return Optional.of(task.get());
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
