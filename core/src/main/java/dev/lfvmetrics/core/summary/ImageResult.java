package dev.lfvmetrics.core.summary;

import java.util.List;

/**
 * One test image's outcome.
 *
 * @param line            1-based line number in the manifest
 * @param sourceRef       the image's {@code source-ref}
 * @param actual          ground truth, {@code anomaly} or {@code normal}
 * @param predicted       prediction, {@code anomaly} or {@code normal}
 * @param confidence      confidence in the predicted class
 * @param anomalyScore    anomaly score (confidence when predicted anomalous, else 1 - confidence)
 * @param correct         whether actual equals predicted
 * @param actualLabels    ground-truth segmentation labels, empty for classification
 * @param predictedLabels predicted segmentation labels, empty for classification
 */
public record ImageResult(
        long line,
        String sourceRef,
        String actual,
        String predicted,
        double confidence,
        double anomalyScore,
        boolean correct,
        List<String> actualLabels,
        List<String> predictedLabels) {
}
