package dev.lfvmetrics.core.stats;

import dev.lfvmetrics.core.metrics.ConfusionCounts;
import dev.lfvmetrics.core.summary.Interval;
import dev.lfvmetrics.core.summary.Intervals;

/** Computes the summary's {@link Intervals} from the confusion counts and the two classes' sorted scores. */
public final class IntervalEstimator {

    /** Bootstrap resamples per interval. */
    public static final int RESAMPLES = 2000;
    /** The generator's seed: the same test set always gives the same bootstrap interval. */
    public static final long SEED = 20_261_201L;
    /**
     * Above this many images the bootstrap is skipped: its intervals are then far narrower than anything a policy
     * distinguishes, and 2,000 resamples of a million-image set would cost minutes.
     */
    public static final long MAX_BOOTSTRAP_IMAGES = 20_000;

    private IntervalEstimator() {
    }

    /**
     * @param c         confusion counts at the model's own decisions
     * @param anomalous anomaly scores of anomalous images, sorted ascending, the first {@code m} used
     * @param m         how many
     * @param normal    anomaly scores of normal images, sorted ascending, the first {@code n} used
     * @param n         how many
     * @param level     the confidence level
     * @return the intervals
     */
    public static Intervals of(ConfusionCounts c, double[] anomalous, int m, double[] normal, int n, double level) {
        double z = NormalQuantile.twoSided(level);
        long predictedAnomalous = c.truePositives() + c.falsePositives();
        Interval rocAuc = interval(DeLong.interval(anomalous, m, normal, n, z), Interval.DELONG, c.total());
        Interval f1 = null;
        Interval ap = null;
        String skipped = null;
        if (c.total() <= MAX_BOOTSTRAP_IMAGES) {
            StratifiedBootstrap bootstrap = new StratifiedBootstrap(RESAMPLES, SEED);
            f1 = resampled(bootstrap.f1(c.truePositives(), c.positives(), c.falsePositives(), c.negatives(), level),
                    c.total());
            ap = resampled(bootstrap.averagePrecision(anomalous, m, normal, n, level), c.total());
        } else {
            skipped = c.total() + " images: above " + MAX_BOOTSTRAP_IMAGES + ", F1 and average precision are "
                    + "exact to far better than any policy's limits, and the bootstrap is skipped";
        }
        return new Intervals(level, c.total(), c.positives(), c.negatives(), skipped,
                wilson(c.truePositives(), predictedAnomalous, z),
                wilson(c.truePositives(), c.positives(), z),
                wilson(c.trueNegatives(), c.negatives(), z),
                wilson(c.falsePositives(), c.negatives(), z),
                wilson(c.truePositives() + c.trueNegatives(), c.total(), z),
                rocAuc, f1, ap);
    }

    private static Interval wilson(long successes, long n, double z) {
        return interval(Wilson.interval(successes, n, z), Interval.WILSON, n);
    }

    private static Interval interval(double[] bounds, String method, long images) {
        return bounds == null ? null : new Interval(bounds[0], bounds[1], method, images, null, null);
    }

    private static Interval resampled(StratifiedBootstrap.Result result, long images) {
        return result == null ? null : new Interval(result.low(), result.high(), Interval.BOOTSTRAP, images,
                result.resamples(), result.undefined());
    }
}
