package dev.lfvmetrics.core.format;

import java.util.List;

/**
 * One evaluation-manifest line reduced to what the metrics use. The streaming reader does not build these (it reads
 * the same fields into primitive arrays); they serve callers that look at single lines.
 *
 * @param sourceRef        source-ref of the image, {@code null} when absent
 * @param actualAnomalous  ground truth: {@code true} when the class name is {@code anomaly}
 * @param predictedAnomalous prediction: {@code true} when the detected class name is {@code anomaly}
 * @param confidence       confidence in the predicted class, in [0, 1]
 * @param segmentation     whether the line has a segmentation (mask) block
 * @param actualLabels     anomaly labels of the ground-truth mask's color map (BACKGROUND left out)
 * @param predictedLabels  anomaly labels of the predicted mask's color map (BACKGROUND left out)
 * @param modelArn         model-arn of the prediction metadata, {@code null} when absent
 * @param projectName      project-name of the prediction metadata, {@code null} when absent
 * @param modelVersion     model-version of the prediction metadata, {@code null} when absent
 */
public record ManifestLine(
        String sourceRef,
        boolean actualAnomalous,
        boolean predictedAnomalous,
        double confidence,
        boolean segmentation,
        List<String> actualLabels,
        List<String> predictedLabels,
        String modelArn,
        String projectName,
        String modelVersion) {

    /**
     * Normalises the label lists to immutable, never-null lists.
     */
    public ManifestLine {
        actualLabels = actualLabels == null ? List.of() : List.copyOf(actualLabels);
        predictedLabels = predictedLabels == null ? List.of() : List.copyOf(predictedLabels);
    }

    /**
     * The anomaly score used for ranking: the confidence when predicted anomalous, else one minus it.
     *
     * @return score in [0, 1]
     */
    public double anomalyScore() {
        return predictedAnomalous ? confidence : 1.0 - confidence;
    }
}
