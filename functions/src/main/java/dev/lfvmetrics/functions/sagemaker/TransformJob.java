package dev.lfvmetrics.functions.sagemaker;

import java.util.Map;

/**
 * The facts of a SageMaker batch transform job, from a {@code SageMaker Transform Job State Change} event.
 *
 * @param name          TransformJobName
 * @param arn           TransformJobArn
 * @param status        TransformJobStatus: InProgress, Completed, Failed, Stopping, Stopped
 * @param failureReason FailureReason, null unless failed
 * @param modelName     ModelName: the SageMaker model the transform ran
 * @param inputUri      TransformInput.DataSource.S3DataSource.S3Uri
 * @param inputType     its S3DataType: S3Prefix, ManifestFile or AugmentedManifestFile
 * @param outputPath    TransformOutput.S3OutputPath: where the {@code .out} files are
 * @param endedAt       TransformEndTime as an ISO-8601 instant, may be null
 * @param tags          the job's tags; null when the event did not carry them (then they are asked for)
 */
public record TransformJob(String name, String arn, String status, String failureReason, String modelName,
                           String inputUri, String inputType, String outputPath, String endedAt,
                           Map<String, String> tags) {

    /** The job finished with an output for every input object. */
    public static final String COMPLETED = "Completed";
    /** The job failed. */
    public static final String FAILED = "Failed";
    /** The job was stopped. */
    public static final String STOPPED = "Stopped";
    /** Input type of a prefix of objects, one {@code .out} per object. */
    public static final String S3_PREFIX = "S3Prefix";

    /** Copies the tags, which stay null when unknown. */
    public TransformJob {
        tags = tags == null ? null : Map.copyOf(tags);
    }

    /**
     * @param known the job's tags
     * @return this job with its tags
     */
    public TransformJob withTags(Map<String, String> known) {
        return new TransformJob(name, arn, status, failureReason, modelName, inputUri, inputType, outputPath, endedAt,
                known);
    }
}
