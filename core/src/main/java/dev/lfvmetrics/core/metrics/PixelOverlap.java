package dev.lfvmetrics.core.metrics;

/**
 * Overlap of a ground-truth and a predicted mask for one label, from pixel counts: IoU and pixel F1 (Dice). The
 * service reports these per label (AIOU, F1Score); this helper states the definitions they are compared against.
 *
 * @param intersection pixels in both masks
 * @param truthOnly    pixels only in the ground-truth mask (false negatives)
 * @param predictedOnly pixels only in the predicted mask (false positives)
 */
public record PixelOverlap(long intersection, long truthOnly, long predictedOnly) {

    /**
     * Counts the overlap of two masks of equal size.
     *
     * @param truth     ground-truth pixels of the label
     * @param predicted predicted pixels of the label
     * @return the counts
     */
    public static PixelOverlap of(boolean[] truth, boolean[] predicted) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException("masks differ in size: " + truth.length + " vs " + predicted.length);
        }
        long both = 0;
        long t = 0;
        long p = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] && predicted[i]) {
                both++;
            } else if (truth[i]) {
                t++;
            } else if (predicted[i]) {
                p++;
            }
        }
        return new PixelOverlap(both, t, p);
    }

    /**
     * Pixels in either mask.
     *
     * @return |A or B|
     */
    public long union() {
        return intersection + truthOnly + predictedOnly;
    }

    /**
     * Intersection over union.
     *
     * @return |A and B| / |A or B|, {@code null} when both masks are empty
     */
    public Double iou() {
        return ConfusionCounts.ratio(intersection, union());
    }

    /**
     * The pixel-level confusion counts (no true negatives: background pixels are not counted).
     *
     * @return TP = intersection, FP = predicted only, FN = truth only
     */
    public ConfusionCounts counts() {
        return new ConfusionCounts(intersection, predictedOnly, 0, truthOnly);
    }

    /**
     * Pixel F1, equal to the Dice coefficient.
     *
     * @return 2|A and B| / (|A| + |B|), {@code null} when both masks are empty
     */
    public Double dice() {
        return counts().f1Score();
    }
}
