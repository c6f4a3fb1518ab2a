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
     * The placements of a set of scores among another: for each score, the share of the other set below it plus half
     * the share equal to it.
     *
     * @param scores sorted ascending, the first {@code count} used
     * @param count  how many
     * @param others sorted ascending, the first {@code otherCount} used
     * @param otherCount how many
     * @return placement of each score, in the order of {@code scores}
     */
    public static double[] placements(double[] scores, int count, double[] others, int otherCount) {
        double[] out = new double[count];
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
            out[i] = (below + 0.5 * (upTo - below)) / otherCount;
        }
        return out;
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
        double[] v10 = placements(anomalous, m, normal, n);
        double[] v01 = new double[n];
        double[] aboveShare = placements(normal, n, anomalous, m);
        for (int j = 0; j < n; j++) {
            // The share of anomalous scores above a normal score, ties one half.
            v01[j] = 1 - aboveShare[j];
        }
        double auc = mean(v10);
        return new double[] {auc, variance(v10, auc) / m + variance(v01, auc) / n};
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
