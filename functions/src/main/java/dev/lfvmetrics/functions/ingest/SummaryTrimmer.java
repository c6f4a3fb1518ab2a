package dev.lfvmetrics.functions.ingest;

import dev.lfvmetrics.core.summary.Curves;
import dev.lfvmetrics.core.summary.Misclassified;
import dev.lfvmetrics.core.summary.Summary;
import java.util.ArrayList;
import java.util.List;

/**
 * Shrinks a summary for the DynamoDB item (400 KB limit): curves to a bounded number of points, the misclassified
 * list to its first entries. The full versions go to the details bucket.
 */
public final class SummaryTrimmer {

    /** Points per curve kept in the item. */
    public static final int ITEM_CURVE_POINTS = 200;
    /** Misclassified images kept in the item. */
    public static final int ITEM_MISCLASSIFIED = 20;

    private SummaryTrimmer() {
    }

    /**
     * @param summary          the full summary
     * @param curvePoints      maximum points per curve (at least 2)
     * @param misclassifiedMax maximum misclassified images
     * @return the trimmed summary; the misclassified total is kept and {@code truncated} set when cut
     */
    public static Summary trim(Summary summary, int curvePoints, int misclassifiedMax) {
        Curves curves = summary.curves() == null ? null : new Curves(
                sample(summary.curves().roc(), curvePoints), sample(summary.curves().precisionRecall(), curvePoints));
        Misclassified misclassified = summary.misclassified();
        if (misclassified != null && misclassified.images() != null
                && misclassified.images().size() > misclassifiedMax) {
            misclassified = new Misclassified(misclassified.total(), true,
                    List.copyOf(misclassified.images().subList(0, misclassifiedMax)));
        }
        return new Summary(summary.schemaVersion(), summary.model(), summary.modelType(), summary.sources(),
                summary.computedAt(), summary.metrics(), summary.reported(), summary.differences(),
                summary.bestThreshold(), curves, summary.labels(), misclassified, summary.intervals(),
                summary.testSetFingerprint(), summary.masks());
    }

    /**
     * Evenly spaced points of a list, always keeping its first and last.
     *
     * @param points the points, may be null
     * @param max    maximum to keep, at least 2
     * @param <T>    point type
     * @return at most {@code max} points in their original order
     */
    static <T> List<T> sample(List<T> points, int max) {
        if (points == null || points.size() <= max) {
            return points;
        }
        List<T> kept = new ArrayList<>(max);
        int n = points.size();
        for (int i = 0; i < max; i++) {
            kept.add(points.get((int) Math.round((double) i * (n - 1) / (max - 1))));
        }
        return kept;
    }
}
