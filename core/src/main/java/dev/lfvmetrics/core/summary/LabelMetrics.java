package dev.lfvmetrics.core.summary;

/**
 * Per-label figures of a segmentation model: image counts from the manifest, pixel-level figures as the service
 * reported them in the evaluation result ({@code null} when not reported).
 *
 * @param name              anomaly label (class name)
 * @param groundTruthImages test images whose ground-truth mask has the label
 * @param predictedImages   test images whose predicted mask has the label
 * @param precision         reported pixel precision
 * @param recall            reported pixel recall
 * @param f1Score           reported pixel F1
 * @param averageIou        reported average IoU (AIOU)
 */
public record LabelMetrics(
        String name,
        long groundTruthImages,
        long predictedImages,
        Double precision,
        Double recall,
        Double f1Score,
        Double averageIou) {
}
