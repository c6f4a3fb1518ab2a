package dev.lfvmetrics.core.join;

/**
 * The model the predictions came from, written into each joined line's prediction metadata (as Lookout for Vision
 * wrote it), so that the evaluator finds the identity as it does in any evaluation manifest. Any part may be null.
 *
 * @param modelArn the model's ARN (for SageMaker, the training job's ARN)
 * @param project  the project
 * @param version  the version
 */
public record JoinIdentity(String modelArn, String project, String version) {

    /** No identity at all: the evaluation is anonymous unless the caller names it otherwise. */
    public static final JoinIdentity NONE = new JoinIdentity(null, null, null);
}
