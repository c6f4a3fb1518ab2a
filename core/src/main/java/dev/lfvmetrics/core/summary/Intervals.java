package dev.lfvmetrics.core.summary;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Confidence intervals of the headline metrics ({@code intervals} of the summary): Wilson score intervals for the
 * ratios on their own denominators, DeLong's for the ROC AUC, a stratified bootstrap for F1 and average precision.
 * A metric that is undefined on the test set has a {@code null} interval. docs/cli.md says how to read one.
 *
 * @param level             the confidence level, e.g. 0.95
 * @param images            test images
 * @param anomalous         anomalous test images
 * @param normal            normal test images
 * @param bootstrapSkipped  why the bootstrap intervals are null on a large test set, or null when they were computed
 * @param precision         Wilson, on the images predicted anomalous
 * @param recall            Wilson, on the anomalous images
 * @param specificity       Wilson, on the normal images
 * @param falsePositiveRate Wilson, on the normal images
 * @param accuracy          Wilson, on all images
 * @param rocAuc            DeLong, clipped to [0, 1]
 * @param f1Score           stratified bootstrap percentiles
 * @param averagePrecision  stratified bootstrap percentiles
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Intervals(double level, long images, long anomalous, long normal, String bootstrapSkipped,
                        Interval precision, Interval recall, Interval specificity, Interval falsePositiveRate,
                        Interval accuracy, Interval rocAuc, Interval f1Score, Interval averagePrecision) {

    /**
     * @param metric a summary metric name
     * @return its interval, or null when it has none (undefined, or a metric without an interval)
     */
    public Interval of(String metric) {
        return switch (metric) {
            case "precision" -> precision;
            case "recall" -> recall;
            case "specificity" -> specificity;
            case "falsePositiveRate" -> falsePositiveRate;
            case "accuracy" -> accuracy;
            case "rocAuc" -> rocAuc;
            case "f1Score" -> f1Score;
            case "averagePrecision" -> averagePrecision;
            default -> null;
        };
    }
}
