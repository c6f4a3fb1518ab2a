package dev.lfvmetrics.core.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile intervals of F1 and average precision by stratified bootstrap: anomalous and normal images are
 * resampled separately (each class keeps its size, so every resample has both), with a seeded generator, so the same
 * test set always gives the same interval. A resample whose figure is undefined is counted and left out, never
 * taken as zero. Percentiles interpolate linearly between order statistics (NumPy's default).
 */
public final class StratifiedBootstrap {

    private final int resamples;
    private final long seed;

    /**
     * @param resamples how many resamples, at least 2,000 for the intervals lfv-metrics reports
     * @param seed      the generator's seed
     */
    public StratifiedBootstrap(int resamples, long seed) {
        this.resamples = resamples;
        this.seed = seed;
    }

    /** A percentile interval and how many resamples it rests on. */
    public record Result(double low, double high, int resamples, int undefined) {
    }

    /**
     * F1 of resampled images: anomalous ones are true positives with the sample's share, normal ones false positives.
     *
     * @param truePositives  predicted anomalous among the anomalous images
     * @param anomalous      anomalous images
     * @param falsePositives predicted anomalous among the normal images
     * @param normal         normal images
     * @param level          confidence level
     * @return the interval, or null without anomalous images
     */
    public Result f1(long truePositives, long anomalous, long falsePositives, long normal, double level) {
        if (anomalous == 0) {
            return null;
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[resamples];
        int defined = 0;
        int undefined = 0;
        for (int b = 0; b < resamples; b++) {
            long tp = draws(random, anomalous, truePositives);
            long fp = draws(random, normal, falsePositives);
            long fn = anomalous - tp;
            long denominator = 2 * tp + fp + fn;
            if (denominator == 0) {
                undefined++;
            } else {
                values[defined++] = 2.0 * tp / denominator;
            }
        }
        return percentiles(values, defined, undefined, level);
    }

    /**
     * Average precision of resampled scores.
     *
     * @param anomalous scores of anomalous images, the first {@code m} used
     * @param m         how many
     * @param normal    scores of normal images, the first {@code n} used
     * @param n         how many
     * @param level     confidence level
     * @return the interval, or null without anomalous images
     */
    public Result averagePrecision(double[] anomalous, int m, double[] normal, int n, double level) {
        if (m == 0) {
            return null;
        }
        SplittableRandom random = new SplittableRandom(seed + 1);
        double[] values = new double[resamples];
        int[] a = new int[m];
        int[] b = new int[n];
        for (int r = 0; r < resamples; r++) {
            // A resample is how often each image is drawn: no copy of the scores, no sort.
            Arrays.fill(a, 0);
            Arrays.fill(b, 0);
            for (int i = 0; i < m; i++) {
                a[random.nextInt(m)]++;
            }
            for (int j = 0; j < n; j++) {
                b[random.nextInt(n)]++;
            }
            values[r] = averagePrecision(anomalous, a, m, normal, b, n);
        }
        // With every anomalous image's class resampled within its class, a resample always has m > 0 of them.
        return percentiles(values, resamples, 0, level);
    }

    /**
     * Average precision as scikit-learn defines it (recall steps times precision, at each distinct score from the
     * top), of sorted scores drawn {@code counts} times each.
     *
     * @param anomalous       anomalous images' scores, ascending
     * @param anomalousCounts how often each was drawn
     * @param m               how many anomalous images (and draws of them)
     * @param normal          normal images' scores, ascending
     * @param normalCounts    how often each was drawn
     * @param n               how many normal images
     * @return the average precision of the resample
     */
    public static double averagePrecision(double[] anomalous, int[] anomalousCounts, int m, double[] normal,
                                   int[] normalCounts, int n) {
        int i = m - 1;
        int j = n - 1;
        long tp = 0;
        long fp = 0;
        double ap = 0;
        while (i >= 0 || j >= 0) {
            double s = Math.max(i >= 0 ? anomalous[i] : Double.NEGATIVE_INFINITY,
                    j >= 0 ? normal[j] : Double.NEGATIVE_INFINITY);
            long before = tp;
            while (i >= 0 && anomalous[i] == s) {
                tp += anomalousCounts[i--];
            }
            while (j >= 0 && normal[j] == s) {
                fp += normalCounts[j--];
            }
            if (tp > before) {
                ap += (double) (tp - before) / m * tp / (tp + fp);
            }
        }
        return ap;
    }

    /** How many of {@code size} draws with replacement land in a subset of {@code hits} of them. */
    private static long draws(SplittableRandom random, long size, long hits) {
        long count = 0;
        for (long i = 0; i < size; i++) {
            if (random.nextLong(size) < hits) {
                count++;
            }
        }
        return count;
    }

    /**
     * The percentile interval of resampled values.
     *
     * @param values    the defined values first, in any order (sorted in a copy)
     * @param defined   how many of them are defined
     * @param undefined how many resamples were left out
     * @param level     confidence level
     * @return the interval, or null when no resample is defined
     */
    public static Result percentiles(double[] values, int defined, int undefined, double level) {
        if (defined == 0) {
            return null;
        }
        double[] sorted = Arrays.copyOf(values, defined);
        Arrays.sort(sorted);
        double tail = (1 - level) / 2;
        return new Result(quantile(sorted, tail), quantile(sorted, 1 - tail), defined, undefined);
    }

    /** Linear interpolation between order statistics, as NumPy's default percentile. */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lower = (int) Math.floor(h);
        int upper = Math.min(sorted.length - 1, lower + 1);
        return sorted[lower] + (h - lower) * (sorted[upper] - sorted[lower]);
    }
}
