package dev.lfvmetrics.core.stats;

/**
 * DeLong's variance of the ROC AUC (DeLong, DeLong and Clarke-Pearson, 1988) from the placements of each image
 * among the other class, ties counted one half, as R's pROC computes it for {@code ci.auc(method = "delong")}:
 * {@code var = S10 / m + S01 / n} with the sample variances (m - 1 and n - 1 denominators) of the placements.
 */
public final class DeLong {

    private DeLong() {
    }

    /**
     * @param anomalous anomaly scores of anomalous images, sorted ascending
     * @param m         how many
     * @param normal    anomaly scores of normal images, sorted ascending
     * @param n         how many
     * @return {auc, variance}, or null with fewer than two images of either class
     */
    public static double[] aucAndVariance(double[] anomalous, int m, double[] normal, int n) {
        if (m < 2 || n < 2) {
            return null;
        }
        // Welford's running mean and squares: no array of placements, whatever the test set's size.
        double[] v10 = runningMoments(anomalous, m, normal, n);
        double[] v01 = runningMoments(normal, n, anomalous, m);
        // v01's placements are the share below; the share above has the same spread and mean 1 - that.
        return new double[] {v10[0], v10[1] / (m - 1) / m + v01[1] / (n - 1) / n};
    }

    /** Mean and sum of squared deviations of the placements of sorted {@code scores} among sorted {@code others}. */
    private static double[] runningMoments(double[] scores, int count, double[] others, int otherCount) {
        double mean = 0;
        double squares = 0;
        int below = 0;
        int upTo = 0;
        for (int i = 0; i < count; i++) {
            double s = scores[i];
            while (below < otherCount && others[below] < s) {
                below++;
            }
            upTo = Math.max(upTo, below);
            while (upTo < otherCount && others[upTo] == s) {
                upTo++;
            }
            double placement = (below + 0.5 * (upTo - below)) / otherCount;
            double delta = placement - mean;
            mean += delta / (i + 1);
            squares += delta * (placement - mean);
        }
        return new double[] {mean, squares};
    }

    /**
     * The interval {@code auc +- z sqrt(var)}, clipped to [0, 1].
     *
     * @param anomalous anomaly scores of anomalous images, sorted ascending
     * @param m         how many
     * @param normal    anomaly scores of normal images, sorted ascending
     * @param n         how many
     * @param z         the two-sided normal quantile of the level
     * @return {low, high}, or null with fewer than two images of either class
     */
    public static double[] interval(double[] anomalous, int m, double[] normal, int n, double z) {
        double[] estimate = aucAndVariance(anomalous, m, normal, n);
        if (estimate == null) {
            return null;
        }
        double half = z * Math.sqrt(estimate[1]);
        return new double[] {Math.max(0, estimate[0] - half), Math.min(1, estimate[0] + half)};
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    static double variance(double[] values, double mean) {
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return sum / (values.length - 1);
    }
}
