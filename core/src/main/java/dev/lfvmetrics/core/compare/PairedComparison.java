package dev.lfvmetrics.core.compare;

import dev.lfvmetrics.core.stats.IntervalEstimator;
import dev.lfvmetrics.core.stats.McNemar;
import dev.lfvmetrics.core.stats.NormalQuantile;
import dev.lfvmetrics.core.stats.PairedDeLong;
import dev.lfvmetrics.core.stats.StratifiedBootstrap;
import dev.lfvmetrics.core.summary.ImageResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Pairs two evaluations' per-image results by {@code source-ref} and tests the difference on the shared images:
 * exact McNemar for accuracy, recall and specificity, DeLong's paired test for the AUC, a paired stratified bootstrap
 * (the same resampled images for both versions) for F1 and average precision.
 */
public final class PairedComparison {

    private static final int LISTED = 20;

    private PairedComparison() {
    }

    /**
     * @param base      the base version's images
     * @param candidate the candidate's images
     * @param level     confidence level of the intervals
     * @return the tests
     */
    public static PairedTests of(List<ImageResult> base, List<ImageResult> candidate, double level) {
        Map<String, ImageResult> byRef = new HashMap<>();
        for (ImageResult image : base) {
            byRef.putIfAbsent(image.sourceRef(), image);
        }
        List<ImageResult[]> anomalous = new ArrayList<>();
        List<ImageResult[]> normal = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<PairedTests.DiscordantImage> discordant = new ArrayList<>();
        long classChanged = 0;
        long onlyInCandidate = 0;
        long matched = 0;
        for (ImageResult c : candidate) {
            ImageResult b = byRef.get(c.sourceRef());
            if (b == null) {
                onlyInCandidate++;
                continue;
            }
            matched++;
            if (!b.actual().equals(c.actual())) {
                classChanged++;
                if (changed.size() < LISTED) {
                    changed.add(c.sourceRef());
                }
            } else {
                (("anomaly".equals(c.actual())) ? anomalous : normal).add(new ImageResult[] {b, c});
                if (b.correct() != c.correct() && discordant.size() < PairedTests.MAX_DISCORDANT_LISTED) {
                    discordant.add(new PairedTests.DiscordantImage(c.sourceRef(), c.actual(),
                            b.correct() ? "base" : "candidate", b.anomalyScore(), c.anomalyScore()));
                }
            }
        }
        long onlyInBase = base.size() - matched;
        List<ImageResult[]> all = new ArrayList<>(anomalous);
        all.addAll(normal);
        return new PairedTests(level, onlyInBase == 0 && onlyInCandidate == 0 && classChanged == 0, all.size(),
                onlyInBase, onlyInCandidate, classChanged, changed, auc(anomalous, normal, level),
                mcNemar(all), mcNemar(anomalous), mcNemar(normal),
                bootstrap(anomalous, normal, level, Metric.F1), bootstrap(anomalous, normal, level, Metric.AP),
                bootstrap(anomalous, normal, level, Metric.PRECISION), discordant);
    }

    private static PairedTests.McNemarTest mcNemar(List<ImageResult[]> pairs) {
        long baseOnly = 0;
        long candidateOnly = 0;
        for (ImageResult[] pair : pairs) {
            if (pair[0].correct() && !pair[1].correct()) {
                baseOnly++;
            } else if (!pair[0].correct() && pair[1].correct()) {
                candidateOnly++;
            }
        }
        return pairs.isEmpty() ? null : new PairedTests.McNemarTest(McNemar.exactPValue(baseOnly, candidateOnly),
                baseOnly, candidateOnly, pairs.size());
    }

    private static PairedTests.AucTest auc(List<ImageResult[]> anomalous, List<ImageResult[]> normal, double level) {
        PairedDeLong.Result r = PairedDeLong.test(scores(anomalous, 0), scores(anomalous, 1), scores(normal, 0),
                scores(normal, 1), NormalQuantile.twoSided(level));
        return r == null ? null : new PairedTests.AucTest(r.difference(), r.low(), r.high(), r.pValue());
    }

    private static double[] scores(List<ImageResult[]> pairs, int side) {
        double[] out = new double[pairs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = pairs.get(i)[side].anomalyScore();
        }
        return out;
    }

    /** The metrics of the paired bootstrap; the ordinal seeds each one's resamples. */
    private enum Metric { F1, AP, PRECISION }

    private static PairedTests.DifferenceInterval bootstrap(List<ImageResult[]> anomalous, List<ImageResult[]> normal,
                                                            double level, Metric metric) {
        int m = anomalous.size();
        int n = normal.size();
        if (m == 0) {
            return null;
        }
        Version base = new Version(anomalous, normal, 0);
        Version candidate = new Version(anomalous, normal, 1);
        // A resample is how often each image is drawn, the same counts for both versions: that is the pairing.
        int[] a = new int[m];
        int[] b = new int[n];
        Arrays.fill(a, 1);
        Arrays.fill(b, 1);
        double point = candidate.metric(a, b, metric) - base.metric(a, b, metric);
        if (Double.isNaN(point)) {
            return null;
        }
        if (m + n > IntervalEstimator.MAX_BOOTSTRAP_IMAGES) {
            return new PairedTests.DifferenceInterval(point, null, null, null, null);
        }
        SplittableRandom random = new SplittableRandom(IntervalEstimator.SEED + 2 + metric.ordinal());
        double[] values = new double[IntervalEstimator.RESAMPLES];
        int defined = 0;
        for (int r = 0; r < values.length; r++) {
            Arrays.fill(a, 0);
            Arrays.fill(b, 0);
            for (int i = 0; i < m; i++) {
                a[random.nextInt(m)]++;
            }
            for (int j = 0; j < n; j++) {
                b[random.nextInt(n)]++;
            }
            double difference = candidate.metric(a, b, metric) - base.metric(a, b, metric);
            // F1 and AP are defined in every resample (all keep m anomalous images); precision is not when a
            // version flags none of the drawn images: counted, never zeroed.
            if (!Double.isNaN(difference)) {
                values[defined++] = difference;
            }
        }
        StratifiedBootstrap.Result interval = StratifiedBootstrap.percentiles(values, defined,
                values.length - defined, level);
        if (interval == null) {
            return new PairedTests.DifferenceInterval(point, null, null, 0, values.length);
        }
        return new PairedTests.DifferenceInterval(point, interval.low(), interval.high(), interval.resamples(),
                interval.undefined());
    }

    /**
     * One version's view of the paired images, prepared once: which it flags, and its scores sorted per class with
     * the image each sorted position holds, so a resample's AP needs no copy and no sort.
     */
    private static final class Version {

        private final boolean[] anomalousFlagged;
        private final boolean[] normalFlagged;
        private final int[] anomalousOrder;
        private final int[] normalOrder;
        private final double[] anomalousSorted;
        private final double[] normalSorted;
        private final int[] anomalousCounts;
        private final int[] normalCounts;

        Version(List<ImageResult[]> anomalous, List<ImageResult[]> normal, int side) {
            anomalousFlagged = flagged(anomalous, side);
            normalFlagged = flagged(normal, side);
            anomalousOrder = byScore(anomalous, side);
            normalOrder = byScore(normal, side);
            anomalousSorted = sorted(anomalous, anomalousOrder, side);
            normalSorted = sorted(normal, normalOrder, side);
            anomalousCounts = new int[anomalous.size()];
            normalCounts = new int[normal.size()];
        }

        /**
         * F1, average precision or precision of the images drawn {@code a[i]} (anomalous) and {@code b[j]} (normal)
         * times; NaN when undefined.
         */
        double metric(int[] a, int[] b, Metric metric) {
            if (metric == Metric.AP) {
                for (int k = 0; k < a.length; k++) {
                    anomalousCounts[k] = a[anomalousOrder[k]];
                }
                for (int k = 0; k < b.length; k++) {
                    normalCounts[k] = b[normalOrder[k]];
                }
                return StratifiedBootstrap.averagePrecision(anomalousSorted, anomalousCounts, a.length, normalSorted,
                        normalCounts, b.length);
            }
            long tp = 0;
            long fp = 0;
            for (int i = 0; i < a.length; i++) {
                tp += anomalousFlagged[i] ? a[i] : 0;
            }
            for (int j = 0; j < b.length; j++) {
                fp += normalFlagged[j] ? b[j] : 0;
            }
            if (metric == Metric.PRECISION) {
                return tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp);
            }
            long fn = a.length - tp;
            return 2.0 * tp / (2 * tp + fp + fn);
        }

        private static boolean[] flagged(List<ImageResult[]> pairs, int side) {
            boolean[] out = new boolean[pairs.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = "anomaly".equals(pairs.get(i)[side].predicted());
            }
            return out;
        }

        private static int[] byScore(List<ImageResult[]> pairs, int side) {
            return IntStream.range(0, pairs.size()).boxed()
                    .sorted(Comparator.comparingDouble(i -> pairs.get(i)[side].anomalyScore()))
                    .mapToInt(Integer::intValue).toArray();
        }

        private static double[] sorted(List<ImageResult[]> pairs, int[] order, int side) {
            double[] out = new double[order.length];
            for (int k = 0; k < out.length; k++) {
                out[k] = pairs.get(order[k])[side].anomalyScore();
            }
            return out;
        }
    }
}
