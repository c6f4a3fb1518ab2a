package dev.lfvmetrics.infra;

import dev.lfvmetrics.contracts.SageMakerTags;
import java.util.List;

/**
 * The SageMaker part of the stack's parameters: which training jobs the rules pass to the ingest function, and the
 * buckets it may read ground truth and batch-transform predictions from. The ingest function applies the same
 * filter again (SAGEMAKER_ALGORITHMS, SAGEMAKER_TAGGED_ONLY) to events it is sent any other way.
 *
 * @param algorithms wildcard patterns of followed algorithm ARNs ({@code *} matches any text)
 * @param taggedOnly follow only jobs tagged {@value #PROJECT_TAG}, whatever their algorithm
 * @param buckets buckets of ground-truth manifests and {@code .out} files (read-only, whole bucket)
 */
public record SageMakerSettings(List<String> algorithms, boolean taggedOnly, List<String> buckets) {

    /** Context parameter: comma-separated algorithm patterns. */
    public static final String ALGORITHMS = "sagemakerAlgorithms";
    /** Context parameter: {@code true} to follow tagged jobs only. */
    public static final String TAGGED_ONLY = "sagemakerTaggedOnly";
    /** Context parameter: comma-separated buckets of ground truth and predictions. */
    public static final String BUCKETS = "predictionBuckets";
    /** The tag that makes a job followed. */
    public static final String PROJECT_TAG = SageMakerTags.PROJECT;
    /** AWS's defect-detection algorithm, in any region and account. */
    public static final String DEFECT_DETECTION_ALGORITHM = SageMakerTags.DEFECT_DETECTION_ALGORITHM;

    /** Copies the lists. */
    public SageMakerSettings {
        algorithms = List.copyOf(algorithms);
        buckets = List.copyOf(buckets);
    }

    /**
     * Validates the parameters.
     *
     * @param algorithms patterns given, empty for the default
     * @param taggedOnly tagged jobs only
     * @param buckets    prediction buckets
     * @return the settings
     */
    static SageMakerSettings of(List<String> algorithms, boolean taggedOnly, List<String> buckets) {
        List<String> patterns = algorithms.isEmpty() ? List.of(DEFECT_DETECTION_ALGORITHM) : algorithms;
        for (String pattern : patterns) {
            if (!pattern.startsWith("arn:") || pattern.contains("**") || pattern.contains(",")) {
                throw new InvalidContextException(ALGORITHMS, "'" + pattern + "' is not an algorithm ARN pattern "
                        + "(arn:..., '*' for any text)");
            }
        }
        return new SageMakerSettings(patterns, taggedOnly, buckets);
    }
}
