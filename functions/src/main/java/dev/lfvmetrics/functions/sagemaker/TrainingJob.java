package dev.lfvmetrics.functions.sagemaker;

import java.util.Map;

/**
 * The facts of a SageMaker training job that lfv-metrics keeps with a version, read from a
 * {@code SageMaker Training Job State Change} event or from {@code DescribeTrainingJob} + {@code ListTags}.
 *
 * @param name          TrainingJobName
 * @param arn           TrainingJobArn
 * @param status        TrainingJobStatus: InProgress, Completed, Failed, Stopping, Stopped
 * @param failureReason FailureReason, null unless failed
 * @param algorithm     AlgorithmSpecification.AlgorithmName, or its TrainingImage, may be null
 * @param modelType     the ModelType hyperparameter (classification, segmentation, ...), may be null
 * @param channels      InputDataConfig: channel name to its S3Uri
 * @param outputPath    OutputDataConfig.S3OutputPath, may be null
 * @param modelArtifact ModelArtifacts.S3ModelArtifacts, may be null
 * @param createdAt     CreationTime as an ISO-8601 instant, may be null
 * @param endedAt       TrainingEndTime as an ISO-8601 instant, may be null
 * @param tags          the job's tags; null when the event did not carry them (then they are asked for)
 */
public record TrainingJob(String name, String arn, String status, String failureReason, String algorithm,
                          String modelType, Map<String, String> channels, String outputPath, String modelArtifact,
                          String createdAt, String endedAt, Map<String, String> tags) {

    /** Training finished with a model. */
    public static final String COMPLETED = "Completed";
    /** Training failed. */
    public static final String FAILED = "Failed";
    /** Training was stopped: no model. */
    public static final String STOPPED = "Stopped";

    /** Copies the maps; {@code tags} stays null when unknown. */
    public TrainingJob {
        channels = channels == null ? Map.of() : Map.copyOf(channels);
        tags = tags == null ? null : Map.copyOf(tags);
    }

    /**
     * @param known the job's tags
     * @return this job with its tags
     */
    public TrainingJob withTags(Map<String, String> known) {
        return new TrainingJob(name, arn, status, failureReason, algorithm, modelType, channels, outputPath,
                modelArtifact, createdAt, endedAt, known);
    }
}
