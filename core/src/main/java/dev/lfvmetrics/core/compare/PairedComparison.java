package dev.lfvmetrics.core.compare;

import dev.lfvmetrics.core.metrics.ScoreRanking;
import dev.lfvmetrics.core.stats.IntervalEstimator;
import dev.lfvmetrics.core.stats.McNemar;
import dev.lfvmetrics.core.stats.NormalQuantile;
import dev.lfvmetrics.core.stats.PairedDeLong;
import dev.lfvmetrics.core.stats.StratifiedBootstrap;
import dev.lfvmetrics.core.summary.ImageResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

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
            } else if ("anomaly".equals(c.actual())) {
                anomalous.add(new ImageResult[] {b, c});
            } else {
                normal.add(new ImageResult[] {b, c});
            }
        }
        long onlyInBase = base.size() - matched;
        List<ImageResult[]> all = new ArrayList<>(anomalous);
        all.addAll(normal);
        return new PairedTests(level, onlyInBase == 0 && onlyInCandidate == 0 && classChanged == 0, all.size(),
                onlyInBase, onlyInCandidate, classChanged, changed, auc(anomalous, normal, level),
                mcNemar(all), mcNemar(anomalous), mcNemar(normal),
                bootstrap(anomalous, normal, level, false), bootstrap(anomalous, normal, level, true));
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

    private static PairedTests.DifferenceInterval bootstrap(List<ImageResult[]> anomalous, List<ImageResult[]> normal,
                                                            double level, boolean averagePrecision) {
        int m = anomalous.size();
        int n = normal.size();
        if (m == 0) {
            return null;
        }
        int[] all = identity(m);
        int[] allNormal = identity(n);
        double point = difference(anomalous, all, normal, allNormal, averagePrecision);
        if (m + n > IntervalEstimator.MAX_BOOTSTRAP_IMAGES) {
            return new PairedTests.DifferenceInterval(point, null, null, null, null);
        }
        SplittableRandom random = new SplittableRandom(IntervalEstimator.SEED + (averagePrecision ? 3 : 2));
        double[] values = new double[IntervalEstimator.RESAMPLES];
        int[] a = new int[m];
        int[] b = new int[n];
        for (int r = 0; r < values.length; r++) {
            for (int i = 0; i < m; i++) {
                a[i] = random.nextInt(m);
            }
            for (int j = 0; j < n; j++) {
                b[j] = random.nextInt(n);
            }
            values[r] = difference(anomalous, a, normal, b, averagePrecision);
        }
        Arrays.sort(values);
        double tail = (1 - level) / 2;
        return new PairedTests.DifferenceInterval(point, StratifiedBootstrap.quantile(values, tail),
                StratifiedBootstrap.quantile(values, 1 - tail),
                values.length, 0);
    }

    /** Candidate minus base on the images picked by index (both versions on the very same images). */
    private static double difference(List<ImageResult[]> anomalous, int[] a, List<ImageResult[]> normal, int[] b,
                                     boolean averagePrecision) {
        return metric(anomalous, a, normal, b, 1, averagePrecision) - metric(anomalous, a, normal, b, 0,
                averagePrecision);
    }

    private static double metric(List<ImageResult[]> anomalous, int[] a, List<ImageResult[]> normal, int[] b,
                                 int side, boolean averagePrecision) {
        if (averagePrecision) {
            double[] x = new double[a.length];
            double[] y = new double[b.length];
            for (int i = 0; i < a.length; i++) {
                x[i] = anomalous.get(a[i])[side].anomalyScore();
            }
            for (int j = 0; j < b.length; j++) {
                y[j] = normal.get(b[j])[side].anomalyScore();
            }
            return ScoreRanking.of(x, x.length, y, y.length).averagePrecision();
        }
        long tp = 0;
        long fp = 0;
        for (int i : a) {
            tp += "anomaly".equals(anomalous.get(i)[side].predicted()) ? 1 : 0;
        }
        for (int j : b) {
            fp += "anomaly".equals(normal.get(j)[side].predicted()) ? 1 : 0;
        }
        long fn = a.length - tp;
        return 2.0 * tp / (2 * tp + fp + fn);
    }

    private static int[] identity(int size) {
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = i;
        }
        return out;
    }
}
