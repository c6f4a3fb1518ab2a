package dev.lfvmetrics.core.predictions;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One image's prediction, as a batch transform of the defect-detection model writes it in a {@code .out} file
 * (the shape of Lookout for Vision's {@code DetectAnomalyResult}).
 *
 * @param anomalous  {@code IsAnomalous}
 * @param confidence {@code Confidence}: the confidence in the predicted class, in [0, 1]
 * @param colorMap   a colour map built from {@code Anomalies} (segmentation models), {@code null} without them
 */
public record Prediction(boolean anomalous, double confidence, ObjectNode colorMap) {
}
