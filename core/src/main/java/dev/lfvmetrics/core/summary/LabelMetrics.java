package dev.lfvmetrics.core.summary;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Per-label figures of a segmentation model: image counts from the manifest, pixel-level figures as the service
 * reported them in the evaluation result ({@code null} when not reported), and, when the masks were read, the
 * figures computed from them.
 *
 * @param name              anomaly label (class name)
 * @param groundTruthImages test images whose ground-truth mask has the label
 * @param predictedImages   test images whose predicted mask has the label
 * @param precision         reported pixel precision
 * @param recall            reported pixel recall
 * @param f1Score           reported pixel F1
 * @param averageIou        reported average IoU (AIOU)
 * @param fromMasks         computed from the mask PNGs, null when they were not read
 */
public record LabelMetrics(
        String name,
        long groundTruthImages,
        long predictedImages,
        Double precision,
        Double recall,
        Double f1Score,
        Double averageIou,
        @JsonInclude(JsonInclude.Include.NON_NULL) MaskFigures fromMasks) {

    /**
     * Figures without the masks' own.
     *
     * @param name              see the record
     * @param groundTruthImages see the record
     * @param predictedImages   see the record
     * @param precision         see the record
     * @param recall            see the record
     * @param f1Score           see the record
     * @param averageIou        see the record
     */
    public LabelMetrics(String name, long groundTruthImages, long predictedImages, Double precision, Double recall,
                        Double f1Score, Double averageIou) {
        this(name, groundTruthImages, predictedImages, precision, recall, f1Score, averageIou, null);
    }

    /**
     * @param figures the masks' figures
     * @return this label with them
     */
    public LabelMetrics withMasks(MaskFigures figures) {
        return new LabelMetrics(name, groundTruthImages, predictedImages, precision, recall, f1Score, averageIou,
                figures);
    }
}
