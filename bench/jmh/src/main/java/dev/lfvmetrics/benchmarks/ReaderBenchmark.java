package dev.lfvmetrics.benchmarks;

import dev.lfvmetrics.core.manifest.Accumulator;
import dev.lfvmetrics.core.manifest.ManifestReader;
import java.io.ByteArrayInputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The streaming reader on one thread, in lines per second: line splitting, parsing and accumulation (counts,
 * score arrays, label counts, the misclassified heap) of a generated in-memory manifest read as a stream.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ReaderBenchmark {

    private ManifestLines manifest;

    /** Generates the manifest once. */
    @Setup
    public void setUp() {
        manifest = ManifestLines.generate(ParserBenchmark.LINES, 42);
    }

    /**
     * Reads the whole manifest.
     *
     * @return the accumulated data
     */
    @Benchmark
    @OperationsPerInvocation(ParserBenchmark.LINES)
    public Accumulator readStream() {
        return new ManifestReader(100, false).read(new ByteArrayInputStream(manifest.bytes()), "bench", null);
    }
}
