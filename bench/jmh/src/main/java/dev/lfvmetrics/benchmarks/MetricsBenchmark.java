package dev.lfvmetrics.benchmarks;

import dev.lfvmetrics.core.metrics.ScoreRanking;
import dev.lfvmetrics.core.summary.BestThreshold;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The threshold metrics on 1,000,000 scores (300,000 anomalous, 700,000 normal, rounded to 5 decimals so that many
 * tie): building the ranking (two primitive sorts and a merge) with ROC AUC, average precision and the best-F1
 * threshold, and those three figures alone on a built ranking. Milliseconds per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MetricsBenchmark {

    private static final int ANOMALOUS = 300_000;
    private static final int NORMAL = 700_000;

    private double[] anomalous;
    private double[] normal;
    private double[] anomalousWork;
    private double[] normalWork;
    private ScoreRanking ranking;

    /** Draws the scores once. */
    @Setup
    public void setUp() {
        SplittableRandom rng = new SplittableRandom(7);
        anomalous = scores(rng, ANOMALOUS, 0.68);
        normal = scores(rng, NORMAL, 0.32);
        anomalousWork = new double[ANOMALOUS];
        normalWork = new double[NORMAL];
        ranking = ScoreRanking.of(anomalous.clone(), ANOMALOUS, normal.clone(), NORMAL);
    }

    private static double[] scores(SplittableRandom rng, int n, double mean) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            double u = 1.0 - rng.nextDouble();
            double g = mean + 0.17 * Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * rng.nextDouble());
            s[i] = Math.rint(Math.min(1.0, Math.max(0.0, g)) * 1e5) / 1e5;
        }
        return s;
    }

    /**
     * Ranks unsorted scores (the sort is in place, so each call starts from a fresh copy) and computes the figures.
     *
     * @param bh sink for the figures
     */
    @Benchmark
    public void rankAndFigures(Blackhole bh) {
        System.arraycopy(anomalous, 0, anomalousWork, 0, ANOMALOUS);
        System.arraycopy(normal, 0, normalWork, 0, NORMAL);
        ScoreRanking r = ScoreRanking.of(anomalousWork, ANOMALOUS, normalWork, NORMAL);
        bh.consume(r.rocAuc());
        bh.consume(r.averagePrecision());
        bh.consume(r.bestF1());
    }

    /**
     * ROC AUC, average precision and the best-F1 threshold of a built ranking.
     *
     * @param bh sink for the figures
     */
    @Benchmark
    public void figuresOnly(Blackhole bh) {
        bh.consume(ranking.rocAuc());
        bh.consume(ranking.averagePrecision());
        BestThreshold best = ranking.bestF1();
        bh.consume(best);
    }
}
