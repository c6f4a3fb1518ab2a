package dev.lfvmetrics.core.summary;

/**
 * The anomaly-score threshold that maximises F1 (an image is called anomalous when its score is at least the
 * threshold), with the figures at that threshold.
 *
 * @param threshold      the anomaly score
 * @param precision      precision at the threshold
 * @param recall         recall at the threshold
 * @param f1Score        F1 at the threshold
 * @param truePositives  TP at the threshold
 * @param falsePositives FP at the threshold
 */
public record BestThreshold(
        double threshold, Double precision, Double recall, Double f1Score, long truePositives, long falsePositives) {
}
