package dev.lfvmetrics.functions.store;

/**
 * One model version as stored: its evaluation (a trimmed summary document) or its failure.
 *
 * @param project       project name
 * @param version       model version, a positive integer as text
 * @param status        TRAINED (or the DescribeModel status it was ingested under) or TRAINING_FAILED
 * @param statusMessage DescribeModel's StatusMessage, may be null
 * @param summaryJson   the trimmed summary document as JSON, null for a failed training
 * @param ingestedAt    ISO-8601 instant of ingestion
 * @param source        what it was ingested from (an s3:// URI or an event description)
 * @param detailsKey    key prefix of the details (full curves, misclassified, per-image results), may be null
 * @param contentHash   hash of the content, so that the same evaluation twice is one write
 * @param trainingJson  facts of the SageMaker training job behind this version (JSON), null for other models
 */
public record ModelRecord(
        String project,
        String version,
        String status,
        String statusMessage,
        String summaryJson,
        String ingestedAt,
        String source,
        String detailsKey,
        String contentHash,
        String trainingJson) {

    /** The status of a model whose training failed. */
    public static final String TRAINING_FAILED = "TRAINING_FAILED";
    /** The status of a trained model (with or without its evaluation yet). */
    public static final String TRAINED = "TRAINED";

    /**
     * A model without training-job facts (Lookout for Vision artifacts).
     *
     * @param project       project name
     * @param version       model version
     * @param status        status
     * @param statusMessage status message, may be null
     * @param summaryJson   the trimmed summary, null for a failed training
     * @param ingestedAt    ingestion instant
     * @param source        what it was ingested from
     * @param detailsKey    key prefix of the details, may be null
     * @param contentHash   hash of the content
     */
    public ModelRecord(String project, String version, String status, String statusMessage, String summaryJson,
                       String ingestedAt, String source, String detailsKey, String contentHash) {
        this(project, version, status, statusMessage, summaryJson, ingestedAt, source, detailsKey, contentHash, null);
    }

    /** @return true for a trained version whose evaluation has not arrived yet (SageMaker: no batch transform yet) */
    public boolean pending() {
        return summaryJson == null && !TRAINING_FAILED.equals(status);
    }

    /** @return true when this version has an evaluation */
    public boolean evaluated() {
        return summaryJson != null;
    }

    /** @return the version as a number */
    public long versionNumber() {
        return Versions.number(version);
    }
}
