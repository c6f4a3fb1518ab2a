package dev.lfvmetrics.core.summary;

/**
 * Identity and training status of the evaluated model. Any field may be {@code null} when no artifact names it.
 *
 * @param project       Lookout for Vision project name
 * @param version       model version ("1", "2", ...)
 * @param modelArn      the model's ARN
 * @param status        DescribeModel status such as {@code TRAINED} or {@code TRAINING_FAILED}
 * @param statusMessage DescribeModel status message
 * @param createdAt     ISO-8601 creation instant
 * @param evaluatedAt   ISO-8601 evaluation end instant
 * @param description   the model's description
 * @param trainingImages number of training images, from the evaluation result
 */
public record ModelInfo(
        String project,
        String version,
        String modelArn,
        String status,
        String statusMessage,
        String createdAt,
        String evaluatedAt,
        String description,
        Integer trainingImages) {
}
