package dev.lfvmetrics.benchmarks;

import dev.lfvmetrics.core.format.ManifestLineParser;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Manifest line parsing throughput, in lines per second, on a generated in-memory manifest: the hand-written
 * scanner (with its Jackson fallback) against Jackson's streaming parser alone. One operation is one line.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ParserBenchmark {

    /** Lines in the manifest (about 15 MB: larger than the CPU caches, as a real file is). */
    static final int LINES = 20_000;

    /** Which parser: {@code fast} (the default in the engine) or {@code jackson}. */
    @Param({"fast", "jackson"})
    public String parser;

    private ManifestLines manifest;
    private ManifestLineParser lineParser;

    /** Generates the manifest once. */
    @Setup
    public void setUp() {
        manifest = ManifestLines.generate(LINES, 42);
        lineParser = new ManifestLineParser(true, "fast".equals(parser));
    }

    /**
     * Parses every line.
     *
     * @return the sum of the anomaly scores, so that nothing is optimised away
     */
    @Benchmark
    @OperationsPerInvocation(LINES)
    public double parseLines() {
        byte[] bytes = manifest.bytes();
        double sum = 0;
        for (int i = 0; i < LINES; i++) {
            lineParser.setCaptureIdentity(i == 0);
            lineParser.parse(bytes, manifest.start(i), manifest.length(i), "bench", i + 1);
            sum += lineParser.anomalyScore();
        }
        return sum;
    }
}
