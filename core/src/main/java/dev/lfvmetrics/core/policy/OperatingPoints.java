package dev.lfvmetrics.core.policy;

import dev.lfvmetrics.core.metrics.ScoreRanking;
import dev.lfvmetrics.core.summary.Curves;
import dev.lfvmetrics.core.summary.ImageResult;
import dev.lfvmetrics.core.summary.Summary;
import java.util.List;

/**
 * Operating points of the anomaly-score curves: the best precision among thresholds that reach a recall, the best
 * recall among thresholds that keep the false-positive rate within a bound. Read off complete curves only: the
 * summary's when it kept every threshold, else curves rebuilt from the per-image results.
 */
public final class OperatingPoints {

    /** Slack for rates computed as ratios, so that a recall of exactly 0.95 meets "at least 0.95". */
    private static final double EPSILON = 1e-12;

    private OperatingPoints() {
    }

    /**
     * An operating point.
     *
     * @param value     the best precision or recall
     * @param threshold the anomaly-score threshold that gives it (flag images scoring at least this)
     */
    public record Point(double value, double threshold) {
    }

    /**
     * @param summary a summary
     * @return its curves when they hold every threshold, else null (reduced for storage)
     */
    public static Curves complete(Summary summary) {
        Curves c = summary.curves();
        // A reduced curve has MAX_POINTS - 1 or MAX_POINTS points; a complete one of that size cannot be told apart.
        int reduced = Curves.MAX_POINTS - 1;
        if (c == null || c.roc().size() >= reduced || c.precisionRecall().size() >= reduced) {
            return null;
        }
        return c;
    }

    /**
     * @param images per-image results
     * @return the complete curves of their anomaly scores
     */
    public static Curves of(List<ImageResult> images) {
        boolean[] anomalous = new boolean[images.size()];
        double[] scores = new double[images.size()];
        for (int i = 0; i < scores.length; i++) {
            anomalous[i] = "anomaly".equals(images.get(i).actual());
            scores[i] = images.get(i).anomalyScore();
        }
        return ScoreRanking.of(anomalous, scores).curves(Integer.MAX_VALUE);
    }

    /**
     * @param curves complete curves
     * @param recall the recall to reach
     * @return the best precision at that recall or more (ties: the higher recall), null without anomalous images
     */
    public static Point precisionAtRecall(Curves curves, double recall) {
        Curves.PrPoint best = null;
        for (Curves.PrPoint p : curves.precisionRecall()) {
            if (p.recall() >= recall - EPSILON && (best == null || p.precision() > best.precision()
                    || p.precision() == best.precision() && p.recall() > best.recall())) {
                best = p;
            }
        }
        return best == null ? null : new Point(best.precision(), best.threshold());
    }

    /**
     * @param curves            complete curves
     * @param falsePositiveRate the false-positive rate not to exceed
     * @return the best recall within it (ties: the lower rate), null unless both classes are present
     */
    public static Point recallAtFalsePositiveRate(Curves curves, double falsePositiveRate) {
        Curves.RocPoint best = null;
        for (Curves.RocPoint p : curves.roc()) {
            if (p.fpr() <= falsePositiveRate + EPSILON && (best == null || p.tpr() > best.tpr()
                    || p.tpr() == best.tpr() && p.fpr() < best.fpr())) {
                best = p;
            }
        }
        return best == null ? null : new Point(best.tpr(), best.threshold());
    }
}
