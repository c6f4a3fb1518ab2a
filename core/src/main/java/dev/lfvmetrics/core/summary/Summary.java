package dev.lfvmetrics.core.summary;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The one summary document of a model's evaluation: printed by {@code lfv-metrics evaluate --json}, stored by the
 * pipeline and served by the query API. Field names are a public contract; add fields, never rename them.
 *
 * @param schemaVersion version of this document's layout, {@link #SCHEMA_VERSION}
 * @param model         which model was evaluated and its training status
 * @param modelType     {@code CLASSIFICATION} or {@code SEGMENTATION} (segmentation when any mask block is present)
 * @param sources       where the artifacts came from (paths or s3:// URIs), for traceability
 * @param computedAt    ISO-8601 instant at which this summary was computed
 * @param metrics       the figures computed from the manifest
 * @param reported      the figures the service itself reported, never overwritten
 * @param differences   computed minus reported, metric by metric, where both exist
 * @param bestThreshold the anomaly-score threshold with the best F1, or {@code null} when undefined
 * @param curves        ROC and precision-recall curves, reduced for storage
 * @param labels        per-label figures for segmentation models; empty for classification
 * @param misclassified the images the model got wrong, most confident mistakes first, capped
 * @param intervals     confidence intervals of the headline metrics (null in summaries written before them)
 * @param testSetFingerprint the test set's fingerprint, the same for the same images with the same true classes in
 *                      any order (core.manifest.TestSetFingerprint; null in summaries written before it)
 * @param masks         what reading the mask PNGs found, null when they were not read (docs/cli.md)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Summary(
        int schemaVersion,
        ModelInfo model,
        String modelType,
        Sources sources,
        String computedAt,
        Metrics metrics,
        Reported reported,
        List<Difference> differences,
        BestThreshold bestThreshold,
        Curves curves,
        List<LabelMetrics> labels,
        Misclassified misclassified,
        Intervals intervals,
        String testSetFingerprint,
        @JsonInclude(JsonInclude.Include.NON_NULL) MaskReport masks) {

    /** Current layout version of the summary document. */
    public static final int SCHEMA_VERSION = 1;
    /** {@code modelType} of a model with mask blocks. */
    public static final String SEGMENTATION = "SEGMENTATION";
    /** {@code modelType} of a model without. */
    public static final String CLASSIFICATION = "CLASSIFICATION";

    /**
     * A summary without a masks report.
     *
     * @param schemaVersion      see the record
     * @param model              see the record
     * @param modelType          see the record
     * @param sources            see the record
     * @param computedAt         see the record
     * @param metrics            see the record
     * @param reported           see the record
     * @param differences        see the record
     * @param bestThreshold      see the record
     * @param curves             see the record
     * @param labels             see the record
     * @param misclassified      see the record
     * @param intervals          see the record
     * @param testSetFingerprint see the record
     */
    public Summary(int schemaVersion, ModelInfo model, String modelType, Sources sources, String computedAt,
                   Metrics metrics, Reported reported, List<Difference> differences, BestThreshold bestThreshold,
                   Curves curves, List<LabelMetrics> labels, Misclassified misclassified, Intervals intervals,
                   String testSetFingerprint) {
        this(schemaVersion, model, modelType, sources, computedAt, metrics, reported, differences, bestThreshold,
                curves, labels, misclassified, intervals, testSetFingerprint, null);
    }

    /**
     * @param newLabels the labels with the masks' figures
     * @param report    what reading the masks found
     * @return this summary with both
     */
    public Summary withMasks(List<LabelMetrics> newLabels, MaskReport report) {
        return new Summary(schemaVersion, model, modelType, sources, computedAt, metrics, reported, differences,
                bestThreshold, curves, newLabels, misclassified, intervals, testSetFingerprint, report);
    }
}
