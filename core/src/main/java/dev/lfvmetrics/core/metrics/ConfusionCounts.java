package dev.lfvmetrics.core.metrics;

/**
 * Confusion counts with positive = anomalous, and the ratios derived from them. A ratio whose denominator is zero
 * is {@code null} (undefined), never NaN and never a made-up 0.
 *
 * @param truePositives  anomalous predicted anomalous
 * @param falsePositives normal predicted anomalous
 * @param trueNegatives  normal predicted normal
 * @param falseNegatives anomalous predicted normal
 */
public record ConfusionCounts(long truePositives, long falsePositives, long trueNegatives, long falseNegatives) {

    /**
     * All images.
     *
     * @return TP + FP + TN + FN
     */
    public long total() {
        return truePositives + falsePositives + trueNegatives + falseNegatives;
    }

    /**
     * Images with anomalous ground truth.
     *
     * @return TP + FN
     */
    public long positives() {
        return truePositives + falseNegatives;
    }

    /**
     * Images with normal ground truth.
     *
     * @return FP + TN
     */
    public long negatives() {
        return falsePositives + trueNegatives;
    }

    /**
     * Precision.
     *
     * @return TP / (TP + FP), or {@code null} when nothing was predicted anomalous
     */
    public Double precision() {
        return ratio(truePositives, truePositives + falsePositives);
    }

    /**
     * Recall (true positive rate).
     *
     * @return TP / (TP + FN), or {@code null} without anomalous images
     */
    public Double recall() {
        return ratio(truePositives, truePositives + falseNegatives);
    }

    /**
     * F1 in its count form, which stays defined when precision is undefined but recall is 0.
     *
     * @return 2TP / (2TP + FP + FN), or {@code null} when the denominator is zero
     */
    public Double f1Score() {
        return ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
    }

    /**
     * Accuracy.
     *
     * @return (TP + TN) / all, or {@code null} without images
     */
    public Double accuracy() {
        return ratio(truePositives + trueNegatives, total());
    }

    /**
     * Specificity (true negative rate).
     *
     * @return TN / (TN + FP), or {@code null} without normal images
     */
    public Double specificity() {
        return ratio(trueNegatives, trueNegatives + falsePositives);
    }

    /**
     * False positive rate.
     *
     * @return FP / (FP + TN), or {@code null} without normal images
     */
    public Double falsePositiveRate() {
        return ratio(falsePositives, falsePositives + trueNegatives);
    }

    /**
     * A ratio that is undefined for a zero denominator.
     *
     * @param numerator   numerator
     * @param denominator denominator
     * @return the ratio or {@code null}
     */
    public static Double ratio(long numerator, long denominator) {
        return denominator == 0 ? null : (double) numerator / (double) denominator;
    }

    /**
     * F1 from precision and recall (harmonic mean), as the service's documentation states it.
     *
     * @param precision precision
     * @param recall    recall
     * @return 2PR / (P + R), or {@code null} when either is {@code null} or both are zero
     */
    public static Double f1(Double precision, Double recall) {
        if (precision == null || recall == null || precision + recall == 0.0) {
            return null;
        }
        return 2.0 * precision * recall / (precision + recall);
    }
}
