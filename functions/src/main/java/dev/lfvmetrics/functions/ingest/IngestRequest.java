package dev.lfvmetrics.functions.ingest;

import dev.lfvmetrics.functions.artifacts.S3Uri;
import dev.lfvmetrics.functions.sagemaker.TrainingJob;
import dev.lfvmetrics.functions.sagemaker.TransformJob;

/** What an incoming event asks for, once parsed; every accepted event form becomes one of these. */
public sealed interface IngestRequest {

    /**
     * An evaluation artifact was written (S3 Object Created through EventBridge).
     *
     * @param object the new object
     */
    record ObjectCreated(S3Uri object) implements IngestRequest {
    }

    /**
     * The training watcher saw a final status.
     *
     * @param project       project
     * @param version       version
     * @param status        DescribeModel status
     * @param statusMessage DescribeModel status message, may be null
     */
    record TrainingFinished(String project, String version, String status, String statusMessage)
            implements IngestRequest {
    }

    /**
     * Backfill one model through the model catalog.
     *
     * @param project project
     * @param version version
     */
    record BackfillModel(String project, String version) implements IngestRequest {
    }

    /**
     * Backfill every evaluation manifest in one S3 folder.
     *
     * @param bucket bucket
     * @param prefix folder prefix, empty for the bucket's root
     */
    record BackfillFolder(String bucket, String prefix) implements IngestRequest {
    }

    /**
     * Backfill from explicit artifacts.
     *
     * @param manifest    the evaluation manifest
     * @param result      the evaluation result, may be null
     * @param description a saved DescribeModel document, may be null
     */
    record Artifacts(S3Uri manifest, S3Uri result, S3Uri description) implements IngestRequest {
    }

    /**
     * A SageMaker training job changed state.
     *
     * @param job the job, as the event describes it
     */
    record SageMakerTraining(TrainingJob job) implements IngestRequest {
    }

    /**
     * A SageMaker batch transform job changed state.
     *
     * @param job the job, as the event describes it
     */
    record SageMakerTransform(TransformJob job) implements IngestRequest {
    }

    /**
     * Backfill one version from a labelled dataset manifest and a batch transform's predictions.
     *
     * @param project     project
     * @param version     version
     * @param groundTruth the dataset manifest
     * @param predictions the prefix of the {@code .out} files
     */
    record Joined(String project, String version, S3Uri groundTruth, S3Uri predictions) implements IngestRequest {
    }

    /**
     * An event this function does not act on.
     *
     * @param outcome IGNORED (not for us) or REJECTED (for us, but malformed)
     * @param reason  why, for the log
     */
    record Unsupported(IngestOutcome outcome, String reason) implements IngestRequest {
    }
}
