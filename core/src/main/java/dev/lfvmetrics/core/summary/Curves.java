package dev.lfvmetrics.core.summary;

import java.util.List;

/**
 * ROC and precision-recall curves, each reduced to at most about {@link #MAX_POINTS} points for storage. AUC and AP
 * in {@link Metrics} are computed from the full data, not from these points.
 *
 * @param roc             ROC points in order of decreasing threshold; empty when undefined
 * @param precisionRecall precision-recall points in order of decreasing threshold; empty when undefined
 */
public record Curves(List<RocPoint> roc, List<PrPoint> precisionRecall) {

    /** Upper bound on stored points per curve (the first and last points are always kept). */
    public static final int MAX_POINTS = 200;

    /**
     * One ROC point.
     *
     * @param threshold anomaly-score threshold
     * @param fpr       false positive rate
     * @param tpr       true positive rate (recall)
     */
    public record RocPoint(double threshold, double fpr, double tpr) {
    }

    /**
     * One precision-recall point.
     *
     * @param threshold anomaly-score threshold
     * @param recall    recall
     * @param precision precision
     */
    public record PrPoint(double threshold, double recall, double precision) {
    }
}
