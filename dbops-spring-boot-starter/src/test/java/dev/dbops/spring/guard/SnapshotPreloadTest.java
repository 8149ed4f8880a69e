package dev.dbops.spring.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.ErrorCode;
import dev.dbops.schema.Schema;
import dev.dbops.schema.SchemaSnapshot;
import dev.dbops.schema.ServerInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;

/** The committed snapshot read in the background from the start of the refresh, for the drift check's detector. */
class SnapshotPreloadTest {

    private static final String DEFAULT_LOCATION = "classpath:db/dbops-snapshot.json";

    @TempDir
    Path dir;

    @Test
    void readsTheConfiguredSnapshotAndHandsItOutOnce() throws Exception {
        SchemaSnapshot written = new SchemaSnapshot(SchemaSnapshot.FORMAT_VERSION, new ServerInfo(150_004, "15.4"),
                Schema.EMPTY);
        Path file = dir.resolve("dbops-snapshot.json");
        written.write(file);
        SnapshotPreload preload = started(Map.of("dbops.guard.drift.snapshot", "file:" + file), true);

        assertThat(preload.take("file:" + file)).contains(Optional.of(written));
        assertThat(preload.take("file:" + file)).isEmpty();
    }

    @Test
    void leavesAnotherLocationToTheDetector() throws Exception {
        Path file = dir.resolve("dbops-snapshot.json");
        new SchemaSnapshot(SchemaSnapshot.FORMAT_VERSION, new ServerInfo(150_004, "15.4"), Schema.EMPTY).write(file);
        SnapshotPreload preload = started(Map.of("dbops.guard.drift.snapshot", "file:" + file), true);

        assertThat(preload.take("file:" + dir.resolve("other.json"))).isEmpty();
    }

    @Test
    void readsTheDefaultLocationAndReportsThatItDoesNotExist() {
        SnapshotPreload preload = started(Map.of(), true);

        assertThat(preload.take(DEFAULT_LOCATION)).contains(Optional.empty());
    }

    @Test
    void readsNothingWhenTheApplicationBuildsItsOwnDetector() throws Exception {
        Path file = Files.writeString(dir.resolve("dbops-snapshot.json"), "not json");
        SnapshotPreload preload = started(Map.of("dbops.guard.drift.snapshot", "file:" + file), false);

        assertThat(preload.take("file:" + file)).isEmpty();
    }

    @Test
    void keepsAMalformedSnapshotsFailureForWhereTheDetectorIsBuilt() throws Exception {
        Path file = Files.writeString(dir.resolve("dbops-snapshot.json"), "{\"formatVersion\": 1, \"server\":");
        SnapshotPreload preload = started(Map.of("dbops.guard.drift.snapshot", "file:" + file), true);

        assertThatThrownBy(() -> preload.take("file:" + file)).isInstanceOf(DbopsStartupException.class)
                .satisfies(e -> assertThat(((DbopsStartupException) e).code()).isEqualTo(ErrorCode.INVALID_SNAPSHOT))
                .hasMessageContaining("dbops cannot check the schema for drift: the snapshot file:" + file
                        + " is not valid JSON");
    }

    /** A preload as the refresh runs it: aware of the environment and resources, then post-processing. */
    private static SnapshotPreload started(Map<String, Object> properties, boolean autoConfiguredDetector) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        SnapshotPreload preload = new SnapshotPreload(DEFAULT_LOCATION);
        preload.setEnvironment(environment);
        preload.setResourceLoader(new DefaultResourceLoader());
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        if (autoConfiguredDetector) {
            beans.registerBeanDefinition(SnapshotPreload.DETECTOR_BEAN, new RootBeanDefinition(Object.class));
        }
        preload.postProcessBeanFactory(beans);
        return preload;
    }
}
