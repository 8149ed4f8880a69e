package dev.dbops.benchmarks;

import dev.dbops.diff.Difference;
import dev.dbops.diff.SchemaDiff;
import dev.dbops.schema.Schema;
import dev.dbops.schema.SchemaSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmark of {@link SchemaDiff#compare} on two 2,000-table schemas, loaded from the snapshot
 * files that {@link InspectBenchmark} writes: once between twin databases (no differences) and once
 * against the twin after twenty changes.
 *
 * <p>Run {@code benchmarks/run inspect} first, then {@code benchmarks/run jmh}; {@code -p snapshots=DIR}
 * points at another directory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DiffBenchmark {

    /** The snapshot of the first database. */
    static final String BASE = "base.snapshot.json";
    /** The snapshot of a second database built the same way. */
    static final String SAME = "same.snapshot.json";
    /** The snapshot of the second database after {@link SchemaScale#changes()}. */
    static final String CHANGED = "changed.snapshot.json";

    /** The directory that holds the three snapshots. */
    @Param("benchmarks/target/inspect-benchmark")
    public String snapshots;

    private SchemaDiff diff;
    private Schema base;
    private Schema same;
    private Schema changed;

    /** Loads the snapshots; fails with the command to run when they are missing. */
    @Setup
    public void load() {
        Path dir = Path.of(snapshots);
        if (!Files.isRegularFile(dir.resolve(BASE))) {
            throw new IllegalStateException("no snapshots in " + dir.toAbsolutePath()
                    + " — run benchmarks/run inspect first, or pass -p snapshots=DIR");
        }
        diff = SchemaDiff.builder().build();
        base = SchemaSnapshot.read(dir.resolve(BASE)).schema();
        same = SchemaSnapshot.read(dir.resolve(SAME)).schema();
        changed = SchemaSnapshot.read(dir.resolve(CHANGED)).schema();
    }

    /** Two structurally equal schemas: every object is compared and found equal. */
    @Benchmark
    public List<Difference> compareTwins() {
        return diff.compare(base, same);
    }

    /** The same schemas with twenty changes on one side. */
    @Benchmark
    public List<Difference> compareChanged() {
        return diff.compare(base, changed);
    }
}
