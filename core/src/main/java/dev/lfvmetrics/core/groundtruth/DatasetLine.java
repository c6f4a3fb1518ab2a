package dev.lfvmetrics.core.groundtruth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One labelled image of a dataset manifest (the Lookout for Vision format SageMaker's defect-detection algorithm
 * trains on), reduced to what an evaluation needs.
 *
 * @param line        1-based line number in the manifest
 * @param sourceRef   the image's {@code source-ref}: {@code s3://bucket/key} or a relative path
 * @param anomalous   ground truth, from the classification block's {@code class-name}
 * @param maskRef     the ground-truth mask's reference, {@code null} without a mask block
 * @param colorMap    the mask block's {@code internal-color-map} as written, {@code null} without one
 * @param labels      anomaly labels of the colour map, BACKGROUND left out; empty for classification
 */
public record DatasetLine(long line, String sourceRef, boolean anomalous, String maskRef, ObjectNode colorMap,
                          List<String> labels) {

    /** Normalises the labels to an immutable list. */
    public DatasetLine {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    /** @return whether the line has a mask block */
    public boolean segmentation() {
        return maskRef != null || colorMap != null;
    }
}
