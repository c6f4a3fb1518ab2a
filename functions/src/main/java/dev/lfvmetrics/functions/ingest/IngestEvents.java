package dev.lfvmetrics.functions.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lfvmetrics.contracts.EventTypes;
import dev.lfvmetrics.functions.artifacts.S3Uri;
import dev.lfvmetrics.functions.sagemaker.SageMakerJson;
import dev.lfvmetrics.functions.sagemaker.TrainingJob;
import dev.lfvmetrics.functions.sagemaker.TransformJob;
import dev.lfvmetrics.functions.store.Versions;

/** Turns the EventBridge events the ingest function receives into requests (event shapes in docs/design.md). */
public final class IngestEvents {

    /** Source of the watcher's events. */
    public static final String WATCHER_SOURCE = EventTypes.WATCHER_SOURCE;
    /** Detail type of the watcher's events. */
    public static final String WATCHER_DETAIL_TYPE = EventTypes.WATCHER_DETAIL_TYPE;
    /** Source of backfill events. */
    public static final String BACKFILL_SOURCE = EventTypes.BACKFILL_SOURCE;
    /** Detail type of backfill events. */
    public static final String BACKFILL_DETAIL_TYPE = EventTypes.BACKFILL_DETAIL_TYPE;
    /** Source of SageMaker's own events. */
    public static final String SAGEMAKER_SOURCE = EventTypes.SAGEMAKER_SOURCE;
    /** Detail type of a training job's state change. */
    public static final String TRAINING_DETAIL_TYPE = EventTypes.TRAINING_DETAIL_TYPE;
    /** Detail type of a batch transform job's state change. */
    public static final String TRANSFORM_DETAIL_TYPE = EventTypes.TRANSFORM_DETAIL_TYPE;

    private IngestEvents() {
    }

    /**
     * @param event the event
     * @return what it asks for; never throws for a malformed event
     */
    public static IngestRequest parse(JsonNode event) {
        if (event == null || !event.isObject()) {
            return rejected("event is not a JSON object");
        }
        String source = event.path("source").asText("");
        String detailType = event.path("detail-type").asText("");
        JsonNode detail = event.path("detail");
        if (EventTypes.S3_SOURCE.equals(source) && EventTypes.OBJECT_CREATED.equals(detailType)) {
            return objectCreated(detail);
        }
        if (WATCHER_SOURCE.equals(source) && WATCHER_DETAIL_TYPE.equals(detailType)) {
            return trainingFinished(detail);
        }
        if (BACKFILL_SOURCE.equals(source) && BACKFILL_DETAIL_TYPE.equals(detailType)) {
            return backfill(detail);
        }
        if (SAGEMAKER_SOURCE.equals(source) && TRAINING_DETAIL_TYPE.equals(detailType)) {
            TrainingJob job = SageMakerJson.trainingJob(detail);
            return job.name() == null || job.arn() == null || job.status() == null
                    ? rejected("training job event lacks detail.TrainingJobName, TrainingJobArn or TrainingJobStatus")
                    : new IngestRequest.SageMakerTraining(job);
        }
        if (SAGEMAKER_SOURCE.equals(source) && TRANSFORM_DETAIL_TYPE.equals(detailType)) {
            TransformJob job = SageMakerJson.transformJob(detail);
            return job.name() == null || job.status() == null
                    ? rejected("transform job event lacks detail.TransformJobName or TransformJobStatus")
                    : new IngestRequest.SageMakerTransform(job);
        }
        if (EventTypes.LOOKOUTVISION_SOURCE.equals(source)) {
            return new IngestRequest.Unsupported(IngestOutcome.IGNORED,
                    "CreateModel marks the start of a training; the wait loop ingests the model when it ends");
        }
        return new IngestRequest.Unsupported(IngestOutcome.IGNORED,
                "not an event for this function: source '" + source + "', detail-type '" + detailType + "'");
    }

    private static IngestRequest objectCreated(JsonNode detail) {
        String bucket = detail.path("bucket").path("name").asText("");
        String key = detail.path("object").path("key").asText("");
        if (bucket.isEmpty() || key.isEmpty()) {
            return rejected("S3 event lacks detail.bucket.name or detail.object.key");
        }
        S3Uri object = new S3Uri(bucket, key);
        if (ArtifactNames.kind(object.fileName()) == null) {
            return new IngestRequest.Unsupported(IngestOutcome.IGNORED,
                    object + " is not an EvaluationResult-*.json or EvaluationManifest-*.json");
        }
        return new IngestRequest.ObjectCreated(object);
    }

    private static IngestRequest trainingFinished(JsonNode detail) {
        String project = detail.path("project").asText("");
        String version = detail.path("version").asText("");
        String status = detail.path("status").asText("");
        String problem = identityProblem(project, version);
        if (problem != null) {
            return rejected("watcher event: " + problem);
        }
        if (status.isEmpty()) {
            return rejected("watcher event lacks detail.status");
        }
        return new IngestRequest.TrainingFinished(project, version, status,
                detail.path("statusMessage").asText(null));
    }

    private static IngestRequest backfill(JsonNode detail) {
        if (detail.has("groundTruth") || detail.has("predictions")) {
            String project = detail.path("project").asText("");
            String version = detail.path("version").asText("");
            String problem = identityProblem(project, version);
            if (problem != null) {
                return rejected("backfill event: " + problem);
            }
            try {
                return new IngestRequest.Joined(project, version, S3Uri.parse(detail.path("groundTruth").asText()),
                        S3Uri.parse(detail.path("predictions").asText()));
            } catch (IllegalArgumentException e) {
                return rejected("backfill event: groundTruth and predictions must both be s3:// URIs ("
                        + e.getMessage() + ")");
            }
        }
        if (detail.has("manifest")) {
            try {
                return new IngestRequest.Artifacts(S3Uri.parse(detail.path("manifest").asText()),
                        optionalUri(detail, "result"), optionalUri(detail, "description"));
            } catch (IllegalArgumentException e) {
                return rejected("backfill event: " + e.getMessage());
            }
        }
        if (detail.has("bucket")) {
            String bucket = detail.path("bucket").asText("");
            if (bucket.isEmpty()) {
                return rejected("backfill event: detail.bucket is empty");
            }
            String prefix = detail.path("prefix").asText("");
            return new IngestRequest.BackfillFolder(bucket, prefix.isEmpty() || prefix.endsWith("/")
                    ? prefix : prefix + "/");
        }
        if (detail.has("project") || detail.has("version")) {
            String project = detail.path("project").asText("");
            String version = detail.path("version").asText("");
            String problem = identityProblem(project, version);
            return problem != null ? rejected("backfill event: " + problem)
                    : new IngestRequest.BackfillModel(project, version);
        }
        return rejected("backfill event needs detail {project, version}, {bucket, prefix}, {manifest, result} or "
                + "{project, version, groundTruth, predictions}");
    }

    private static S3Uri optionalUri(JsonNode detail, String field) {
        String value = detail.path(field).asText("");
        return value.isEmpty() ? null : S3Uri.parse(value);
    }

    private static String identityProblem(String project, String version) {
        if (!Versions.isProject(project)) {
            return "detail.project '" + project + "' is not a project name";
        }
        if (!Versions.isVersion(version)) {
            return "detail.version '" + version + "' is not a model version (1 to 10 digits)";
        }
        return null;
    }

    private static IngestRequest rejected(String reason) {
        return new IngestRequest.Unsupported(IngestOutcome.REJECTED, reason);
    }
}
