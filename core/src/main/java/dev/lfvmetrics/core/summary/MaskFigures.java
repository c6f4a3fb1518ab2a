package dev.lfvmetrics.core.summary;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One label's figures computed from the masks themselves ({@code labels[i].fromMasks}; docs/cli.md, "Segmentation
 * from the masks"). Pixels of the label in the ground-truth mask are the truth, in the predicted mask the prediction.
 *
 * @param meanIou        mean of the per-image IoU over the images where the label is in the truth or the prediction
 * @param pooledIou      intersection over union of all those pixels together
 * @param precision      pixel precision: intersection / predicted pixels
 * @param recall         pixel recall: intersection / ground-truth pixels
 * @param f1Score        pixel F1 (= Dice): 2 intersection / (ground-truth + predicted pixels)
 * @param imagesCompared images where the label is in the truth or the prediction
 * @param truthPixels    ground-truth pixels of the label
 * @param predictedPixels predicted pixels of the label
 * @param intersection   pixels in both
 * @param differences    computed minus the service's reported figures of the label (averageIou against meanIou)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MaskFigures(Double meanIou, Double pooledIou, Double precision, Double recall, Double f1Score,
                          long imagesCompared, long truthPixels, long predictedPixels, long intersection,
                          Differences differences) {

    /**
     * Computed minus reported, null where either is missing.
     *
     * @param precision  pixel precision minus the reported precision
     * @param recall     pixel recall minus the reported recall
     * @param f1Score    pixel F1 minus the reported F1
     * @param averageIou mean IoU minus the reported average IoU
     */
    public record Differences(Double precision, Double recall, Double f1Score, Double averageIou) {
    }
}
