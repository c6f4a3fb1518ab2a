package dev.lfvmetrics.core.format;

/**
 * The output of Lookout for Vision's {@code DescribeModel} (the {@code ModelDescription} object), as saved by
 * {@code aws lookoutvision describe-model} or returned by the API. Every field may be {@code null}: the document
 * of a model still training or failed lacks most of them. Timestamps are normalised to ISO-8601 instants.
 *
 * @param modelVersion           ModelVersion, e.g. "1"
 * @param modelArn               ModelArn
 * @param creationTimestamp      CreationTimestamp as ISO-8601
 * @param description            Description
 * @param status                 Status such as TRAINED or TRAINING_FAILED
 * @param statusMessage          StatusMessage
 * @param performance            Performance, absent until training succeeds
 * @param outputConfig           OutputConfig.S3Location
 * @param evaluationManifest     EvaluationManifest
 * @param evaluationResult       EvaluationResult
 * @param evaluationEndTimestamp EvaluationEndTimestamp as ISO-8601
 * @param kmsKeyId               KmsKeyId
 * @param minInferenceUnits      MinInferenceUnits
 * @param maxInferenceUnits      MaxInferenceUnits
 */
public record ModelDescription(
        String modelVersion,
        String modelArn,
        String creationTimestamp,
        String description,
        String status,
        String statusMessage,
        Performance performance,
        S3Location outputConfig,
        S3Object evaluationManifest,
        S3Object evaluationResult,
        String evaluationEndTimestamp,
        String kmsKeyId,
        Integer minInferenceUnits,
        Integer maxInferenceUnits) {

    /**
     * The project name, taken from the model ARN since DescribeModel does not repeat it.
     *
     * @return the project name or {@code null} when the ARN is missing or not a model ARN
     */
    public String projectName() {
        return ModelArns.project(modelArn);
    }

    /**
     * DescribeModel's {@code Performance}.
     *
     * @param f1Score   F1Score
     * @param recall    Recall
     * @param precision Precision
     */
    public record Performance(Double f1Score, Double recall, Double precision) {
    }

    /**
     * An S3 location given as bucket and prefix.
     *
     * @param bucket Bucket
     * @param prefix Prefix
     */
    public record S3Location(String bucket, String prefix) {
    }

    /**
     * An S3 object given as bucket and key.
     *
     * @param bucket Bucket
     * @param key    Key
     */
    public record S3Object(String bucket, String key) {
    }
}
