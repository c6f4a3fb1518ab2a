package dev.lfvmetrics.functions.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lfvmetrics.contracts.EnvironmentVariables;
import dev.lfvmetrics.core.error.InvalidInputException;
import dev.lfvmetrics.core.evaluate.Evaluator;
import dev.lfvmetrics.core.format.EvaluationResult;
import dev.lfvmetrics.core.format.Formats;
import dev.lfvmetrics.core.format.ModelDescription;
import dev.lfvmetrics.core.join.JoinIdentity;
import dev.lfvmetrics.core.join.JoinedManifest;
import dev.lfvmetrics.core.masks.MaskEvaluation;
import dev.lfvmetrics.core.masks.MaskSource;
import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.core.summary.Sources;
import dev.lfvmetrics.core.summary.Summary;
import dev.lfvmetrics.functions.artifacts.Failures;
import dev.lfvmetrics.functions.artifacts.ObjectNotFoundException;
import dev.lfvmetrics.functions.artifacts.ObjectStore;
import dev.lfvmetrics.functions.artifacts.S3Masks;
import dev.lfvmetrics.functions.artifacts.S3Predictions;
import dev.lfvmetrics.functions.artifacts.S3Uri;
import dev.lfvmetrics.functions.catalog.DescribedModel;
import dev.lfvmetrics.functions.catalog.ModelCatalog;
import dev.lfvmetrics.functions.catalog.ModelNotFoundException;
import dev.lfvmetrics.functions.config.Config;
import dev.lfvmetrics.functions.log.JsonLog;
import dev.lfvmetrics.functions.sagemaker.SageMakerCatalog;
import dev.lfvmetrics.functions.sagemaker.SageMakerNotFoundException;
import dev.lfvmetrics.functions.sagemaker.SageMakerRules;
import dev.lfvmetrics.functions.sagemaker.TrainingJob;
import dev.lfvmetrics.functions.sagemaker.TransformJob;
import dev.lfvmetrics.functions.store.ModelRecord;
import dev.lfvmetrics.functions.store.ModelStore;
import dev.lfvmetrics.functions.store.SaveOutcome;
import dev.lfvmetrics.functions.store.VersionTakenException;
import dev.lfvmetrics.functions.store.Versions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Turns one event into at most one stored model per model version: finds the artifacts, evaluates the manifest as a
 * stream, writes the details (per-image results, full curves and misclassified list) to S3 and the trimmed summary
 * to the store. Permanent problems become REJECTED results; transient ones propagate so Lambda retries.
 */
public final class IngestService {

    /** Every image's result, in manifest order, one JSON object per line, under the model's details key. */
    public static final String IMAGES_FILE = "images.jsonl";
    /** Masks fetched and decoded in parallel; each worker holds one image's two masks (about 10 MB at 1 MP). */
    private static final int MASK_THREADS = 4;
    /** The misclassified images only, so that the most asked-for view reads the least. */
    public static final String INCORRECT_FILE = "incorrect.jsonl";
    /** Details file of each line's mask references and legends (segmentation manifests only). */
    public static final String MASKS_FILE = "masks.jsonl";

    private static final String NDJSON = "application/x-ndjson";

    /** Largest summary JSON kept in an item; DynamoDB's item limit is 400 KB. */
    static final int MAX_ITEM_SUMMARY_CHARS = 300_000;

    /** Parallel GETs of .out files: each is a small object, so the join waits on round trips, not bandwidth. */
    static final int PREDICTION_FETCHERS = 16;

    private static final JsonLog LOG = JsonLog.of(IngestService.class);
    private static final ObjectWriter LINE_WRITER = Json.mapper().writer();

    private final ObjectStore objects;
    private final ModelCatalog catalog;
    private final SageMakerCatalog sageMaker;
    private final SageMakerRules rules;
    private final ModelStore store;
    private final Evaluator evaluator;
    private final Set<String> allowedBuckets;
    private final String detailsBucket;
    private final String detailsPrefix;
    private final Clock clock;
    private final ExecutorService fetcher = Executors.newFixedThreadPool(PREDICTION_FETCHERS, runnable -> {
        Thread thread = new Thread(runnable, "prediction-fetch");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param config    settings (allowed buckets, details bucket and prefix)
     * @param objects   artifact and details storage
     * @param catalog   model descriptions
     * @param sageMaker SageMaker models and training jobs
     * @param store     the model store
     * @param evaluator the engine
     * @param clock     ingestion time
     */
    public IngestService(Config config, ObjectStore objects, ModelCatalog catalog, SageMakerCatalog sageMaker,
                         ModelStore store, Evaluator evaluator, Clock clock) {
        this.objects = objects;
        this.catalog = catalog;
        this.sageMaker = sageMaker;
        this.rules = config.sageMaker();
        this.store = store;
        this.evaluator = evaluator;
        this.allowedBuckets = config.artifactsBuckets();
        this.detailsBucket = Config.require(config.detailsBucket(), EnvironmentVariables.DETAILS_BUCKET);
        this.detailsPrefix = config.detailsPrefix();
        this.clock = clock;
    }

    /**
     * @param event the raw event
     * @return what was done
     */
    public IngestResult ingest(JsonNode event) {
        return handle(IngestEvents.parse(event));
    }

    private IngestResult handle(IngestRequest request) {
        try {
            if (request instanceof IngestRequest.Unsupported unsupported) {
                return IngestResult.of(unsupported.outcome(), unsupported.reason());
            }
            if (request instanceof IngestRequest.ObjectCreated created) {
                return objectCreated(created.object());
            }
            if (request instanceof IngestRequest.TrainingFinished finished) {
                if (ModelRecord.TRAINING_FAILED.equals(finished.status())) {
                    return storeFailure(finished.project(), finished.version(), finished.statusMessage(),
                            "watcher:" + finished.project() + "/" + finished.version());
                }
                return fromCatalog(finished.project(), finished.version());
            }
            if (request instanceof IngestRequest.BackfillModel model) {
                return fromCatalog(model.project(), model.version());
            }
            if (request instanceof IngestRequest.BackfillFolder folder) {
                return folder(folder.bucket(), folder.prefix());
            }
            if (request instanceof IngestRequest.SageMakerTraining training) {
                return training(training.job());
            }
            if (request instanceof IngestRequest.SageMakerTransform transform) {
                return transform(transform.job());
            }
            if (request instanceof IngestRequest.Joined joined) {
                return joined(joined.project(), joined.version(), joined.groundTruth(), joined.predictions(), null,
                        null, null, null, null);
            }
            IngestRequest.Artifacts artifacts = (IngestRequest.Artifacts) request;
            return evaluate(artifacts.manifest(), artifacts.result(), artifacts.description(), null);
        } catch (InvalidInputException | ObjectNotFoundException | ModelNotFoundException | ForbiddenInput
                | SageMakerNotFoundException | VersionTakenException e) {
            return rejected(e.getMessage(), e);
        } catch (AwsServiceException e) {
            if (Failures.isTransient(e)) {
                throw e;
            }
            return rejected("AWS refused a request (" + e.statusCode() + " "
                    + (e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode()) + ")", e);
        }
    }

    private IngestResult objectCreated(S3Uri object) {
        allowed(object);
        S3Uri manifest;
        S3Uri result;
        if (ArtifactNames.RESULT.equals(ArtifactNames.kind(object.fileName()))) {
            result = object;
            manifest = firstExisting(ArtifactNames.siblings(object, ArtifactNames.MANIFEST));
            if (manifest == null) {
                // The manifest's own Object Created event will find this result.
                return IngestResult.of(IngestOutcome.IGNORED, "no evaluation manifest beside " + object + " yet");
            }
        } else {
            manifest = object;
            result = firstExisting(ArtifactNames.siblings(object, ArtifactNames.RESULT));
        }
        S3Uri description = ArtifactNames.description(object);
        if (description != null && !objects.exists(description)) {
            description = null;
        }
        return evaluate(manifest, result, description, null);
    }

    private IngestResult fromCatalog(String project, String version) {
        DescribedModel described = catalog.describe(project, version);
        ModelDescription description = described.description();
        if (described.failed()) {
            return storeFailure(project, version, description.statusMessage(), described.source());
        }
        if (!described.trained()) {
            return IngestResult.of(IngestOutcome.IGNORED,
                    project + "/" + version + " has status " + description.status() + ": no evaluation yet");
        }
        if (description.evaluationManifest() == null) {
            throw new InvalidInputException(described.source(), 0, "trained model has no EvaluationManifest");
        }
        S3Uri manifest = location(description.evaluationManifest(), described.source(), "EvaluationManifest");
        S3Uri result = description.evaluationResult() == null ? null
                : location(description.evaluationResult(), described.source(), "EvaluationResult");
        return evaluate(manifest, result, null, described);
    }

    private IngestResult folder(String bucket, String prefix) {
        allowed(bucket, "s3://" + bucket + "/" + prefix);
        List<IngestResult> results = new ArrayList<>();
        for (S3Uri object : objects.list(bucket, prefix)) {
            if (ArtifactNames.MANIFEST.equals(ArtifactNames.kind(object.fileName()))) {
                results.add(handle(new IngestRequest.ObjectCreated(object)));
            }
        }
        if (results.isEmpty()) {
            return IngestResult.of(IngestOutcome.REJECTED,
                    "no EvaluationManifest-*.json in s3://" + bucket + "/" + prefix);
        }
        IngestOutcome overall = results.stream().map(IngestResult::outcome).min(Enum::compareTo).orElseThrow();
        return new IngestResult(overall, null, null, null, results);
    }

    private IngestResult evaluate(S3Uri manifest, S3Uri resultUri, S3Uri descriptionUri, DescribedModel described) {
        allowed(manifest);
        EvaluationResult result = null;
        if (resultUri != null) {
            allowed(resultUri);
            try (InputStream in = objects.open(resultUri)) {
                result = Formats.readResult(in, resultUri.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + resultUri + " failed", e);
            }
        }
        ModelDescription description = described == null ? null : described.description();
        String descriptionSource = described == null ? null : described.source();
        if (descriptionUri != null) {
            allowed(descriptionUri);
            try (InputStream in = objects.open(descriptionUri)) {
                description = Formats.readDescription(in, descriptionUri.toString());
                descriptionSource = descriptionUri.toString();
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + descriptionUri + " failed", e);
            }
        }
        Sources sources = new Sources(manifest.toString(), resultUri == null ? null : resultUri.toString(),
                descriptionSource);
        return store(() -> objects.open(manifest), manifest.toString(), result, description, sources,
                identity -> identity != null ? identity : ArtifactNames.identity(manifest.fileName()), null, null,
                new S3Masks(objects, manifest, allowedBuckets));
    }

    /** Where a manifest is read from: an S3 object, or a ground truth joined with predictions as it is read. */
    @FunctionalInterface
    private interface ManifestInput {
        InputStream open();
    }

    /**
     * Evaluates a manifest, writes the details, then the record.
     *
     * @param identityRule   turns the identity found in the summary or description (or null) into the one to store
     * @param statusMessage  the record's status message when there is no description to give one
     * @param trainingJson   the SageMaker training job's facts, or null
     */
    private IngestResult store(ManifestInput input, String manifestSource, EvaluationResult result,
                               ModelDescription description, Sources sources, UnaryOperator<String[]> identityRule,
                               String statusMessage, String trainingJson, MaskSource masks) {
        Path images = tempFile();
        Path incorrect = tempFile();
        Path maskLines = null;
        try {
            Summary summary = evaluateTo(images, incorrect, input, manifestSource, result, description, sources);
            if (masks != null && Summary.SEGMENTATION.equals(summary.modelType())) {
                maskLines = tempFile();
                summary = masks(summary, input, manifestSource, masks, maskLines);
            }
            String[] identity = identityRule.apply(identity(summary, description));
            if (identity == null) {
                return rejected("cannot tell which model " + manifestSource + " belongs to: no ModelArn in the "
                        + "result or description, no project-name/model-version in the manifest, no version in the "
                        + "file name", null);
            }
            String project = identity[0];
            String version = identity[1];
            JsonLog.put("project", project);
            JsonLog.put("version", version);
            String detailsKey = detailsPrefix + project + "/" + version + "/";
            objects.put(new S3Uri(detailsBucket, detailsKey + IMAGES_FILE), images, NDJSON);
            objects.put(new S3Uri(detailsBucket, detailsKey + INCORRECT_FILE), incorrect, NDJSON);
            if (maskLines != null) {
                objects.put(new S3Uri(detailsBucket, detailsKey + MASKS_FILE), maskLines, NDJSON);
            }
            objects.put(new S3Uri(detailsBucket, detailsKey + "details.json"), details(summary), "application/json");
            String summaryJson = itemSummary(summary);
            String status = description != null && description.status() != null ? description.status()
                    : ModelRecord.TRAINED;
            String message = description != null && description.statusMessage() != null
                    ? description.statusMessage() : statusMessage;
            ModelRecord record = new ModelRecord(project, version, status, message, summaryJson,
                    clock.instant().toString(), manifestSource, detailsKey,
                    hash(status, message, withoutComputedAt(summaryJson) + "\n" + trainingJson), trainingJson);
            return IngestResult.model(outcome(store.save(record)), project, version);
        } finally {
            deleteQuietly(images);
            deleteQuietly(incorrect);
            if (maskLines != null) {
                deleteQuietly(maskLines);
            }
        }
    }

    /** A second read of the manifest: the masks' figures need each line's references and colour maps. */
    private static Summary masks(Summary summary, ManifestInput input, String manifestSource, MaskSource masks,
                                 Path maskLines) {
        try (InputStream in = input.open();
                BufferedWriter out = Files.newBufferedWriter(maskLines, StandardCharsets.UTF_8)) {
            return new MaskEvaluation(masks, MASK_THREADS).apply(summary, in, manifestSource, line -> {
                try {
                    out.write(LINE_WRITER.writeValueAsString(line) + "\n");
                } catch (IOException e) {
                    throw new UncheckedIOException("writing mask lines to " + maskLines + " failed", e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + manifestSource + " failed", e);
        }
    }

    private IngestResult training(TrainingJob event) {
        JsonLog.put("trainingJob", event.name());
        TrainingJob job = event.tags() != null ? event : event.withTags(sageMaker.tags(event.arn()));
        if (!rules.follows(job)) {
            return IngestResult.of(IngestOutcome.IGNORED, "training job " + job.name() + " is not followed: its "
                    + "algorithm is not one of SAGEMAKER_ALGORITHMS and it has no " + SageMakerRules.PROJECT_TAG
                    + " tag");
        }
        boolean completed = TrainingJob.COMPLETED.equals(job.status());
        boolean failed = TrainingJob.FAILED.equals(job.status()) || TrainingJob.STOPPED.equals(job.status());
        if (!completed && !failed) {
            return IngestResult.of(IngestOutcome.IGNORED, "training job " + job.name() + " is " + job.status()
                    + ": nothing to store until it ends");
        }
        String[] identity = identity(job);
        String trainingJson = write(job);
        if (failed) {
            String reason = job.failureReason() != null ? job.failureReason()
                    : "SageMaker training job " + job.name() + " was " + job.status().toLowerCase(Locale.ROOT);
            return storeFailure(identity[0], identity[1], reason, job.arn(), trainingJson);
        }
        JsonLog.put("project", identity[0]);
        JsonLog.put("version", identity[1]);
        String message = "Trained on SageMaker (" + job.name() + "); evaluation pending: no batch transform of its "
                + "test set yet";
        ModelRecord record = new ModelRecord(identity[0], identity[1], ModelRecord.TRAINED, message, null,
                clock.instant().toString(), job.arn(), null, hash(ModelRecord.TRAINED, message, trainingJson),
                trainingJson);
        return IngestResult.model(outcome(store.save(record)), identity[0], identity[1]);
    }

    /** The project and version of a followed training job; the version is assigned once per job ARN. */
    private String[] identity(TrainingJob job) {
        String project = SageMakerRules.project(job);
        if (project == null) {
            throw new InvalidInputException(job.arn(), 0, "no project name: tag the job " + SageMakerRules.PROJECT_TAG
                    + " (letters, digits, '-' and '_'), or name it <project>-<timestamp>");
        }
        return new String[] {project, version(project, job.arn(), job.tags())};
    }

    private String version(String project, String jobArn, Map<String, String> tags) {
        String requested = SageMakerRules.requestedVersion(tags);
        if (requested != null && !Versions.isVersion(requested)) {
            throw new InvalidInputException(jobArn, 0, "tag " + SageMakerRules.VERSION_TAG + " '" + requested
                    + "' is not a model version (1 to 10 digits)");
        }
        return store.assignVersion(project, jobArn, requested);
    }

    private IngestResult transform(TransformJob event) {
        JsonLog.put("transformJob", event.name());
        TransformJob job = event.tags() != null || event.arn() == null ? event
                : event.withTags(sageMaker.tags(event.arn()));
        if (!TransformJob.COMPLETED.equals(job.status())) {
            if (TransformJob.FAILED.equals(job.status()) || TransformJob.STOPPED.equals(job.status())) {
                LOG.count("TransformJobEnded", "status", job.status());
                return IngestResult.of(IngestOutcome.TRANSFORM_FAILED, "batch transform " + job.name() + " is "
                        + job.status() + (job.failureReason() == null ? "" : ": " + job.failureReason())
                        + "; nothing evaluated");
            }
            return IngestResult.of(IngestOutcome.IGNORED, "batch transform " + job.name() + " is " + job.status());
        }
        if (job.outputPath() == null) {
            throw new InvalidInputException(String.valueOf(job.arn()), 0, "transform event lacks "
                    + "TransformOutput.S3OutputPath");
        }
        Map<String, String> tags = job.tags() == null ? Map.of() : job.tags();
        String project = tags.get(SageMakerRules.PROJECT_TAG);
        String version = tags.get(SageMakerRules.VERSION_TAG);
        TrainingJob training = null;
        if (project == null || version == null || !tags.containsKey(SageMakerRules.GROUND_TRUTH_TAG)) {
            String trainingName = tags.get(SageMakerRules.TRAINING_JOB_TAG);
            if (trainingName == null && job.modelName() != null) {
                trainingName = SageMakerRules.trainingJobOf(sageMaker.modelArtifact(job.modelName()));
            }
            if (trainingName == null) {
                return IngestResult.of(IngestOutcome.IGNORED, "batch transform " + job.name() + " runs model "
                        + job.modelName() + ", whose artifact is no training job's output; tag it "
                        + SageMakerRules.TRAINING_JOB_TAG + " to follow it");
            }
            training = sageMaker.trainingJob(trainingName);
            if (!rules.follows(training)) {
                return IngestResult.of(IngestOutcome.IGNORED, "batch transform " + job.name() + " runs a model of "
                        + "training job " + trainingName + ", which is not followed");
            }
        }
        if (project == null || version == null) {
            String[] identity = identity(training);
            project = project != null ? project : identity[0];
            version = version != null ? version : store.assignVersion(project, training.arn(),
                    SageMakerRules.requestedVersion(training.tags()));
        }
        if (!Versions.isProject(project) || !Versions.isVersion(version)) {
            throw new InvalidInputException(String.valueOf(job.arn()), 0, "tags name project '" + project
                    + "' and version '" + version + "': not a project name and a version");
        }
        String groundTruth = SageMakerRules.groundTruth(job, training);
        if (groundTruth == null) {
            throw new InvalidInputException(String.valueOf(job.arn()), 0, "no ground truth: training job "
                    + training.name() + " has no '" + SageMakerRules.TEST_CHANNEL + "' channel; tag the transform "
                    + SageMakerRules.GROUND_TRUTH_TAG + " with the labelled test manifest");
        }
        String trainingJson = training != null ? write(training)
                : store.model(project, version).map(ModelRecord::trainingJson).orElse(null);
        String inputPrefix = TransformJob.S3_PREFIX.equals(job.inputType()) ? job.inputUri() : null;
        return joined(project, version, s3(groundTruth, "ground truth"), s3(job.outputPath(), "TransformOutput"),
                inputPrefix, training, trainingJson, "Evaluated from batch transform " + job.name(), job.endedAt());
    }

    /**
     * Evaluates a ground truth joined with predictions and stores it under the given version.
     *
     * @param evaluatedAt when the predictions were made (the transform's end), null when unknown: the summary's
     *                    computedAt stands in, which is not part of the content hash
     */
    private IngestResult joined(String project, String version, S3Uri groundTruth, S3Uri predictions,
                                String inputPrefix, TrainingJob training, String trainingJson, String message,
                                String evaluatedAt) {
        allowed(groundTruth);
        allowed(predictions);
        JsonLog.put("project", project);
        JsonLog.put("version", version);
        ModelDescription description = training == null && evaluatedAt == null ? null
                : description(training, version, evaluatedAt);
        Sources sources = new Sources(null, null, null, groundTruth.toString(), predictions.toString());
        JoinIdentity identity = new JoinIdentity(training == null ? null : training.arn(), project, version);
        String[] named = {project, version};
        return store(() -> new JoinedManifest(objects.open(groundTruth), groundTruth.toString(),
                        new S3Predictions(objects, predictions), inputPrefix, identity, null, fetcher),
                groundTruth.toString(), null, description, sources, found -> named, message, trainingJson,
                // Batch transform .out files carry no predicted masks (docs/sagemaker.md): nothing to read.
                null);
    }

    /** The training job (null when unknown) as the model description the summary's model block is built from. */
    private static ModelDescription description(TrainingJob job, String version, String evaluatedAt) {
        if (job == null) {
            return new ModelDescription(version, null, null, null, ModelRecord.TRAINED, null, null, null, null, null,
                    evaluatedAt, null, null, null);
        }
        String about = "SageMaker training job " + job.name()
                + (job.modelType() == null ? "" : " (ModelType " + job.modelType() + ")");
        return new ModelDescription(version, job.arn(), job.createdAt(), about, ModelRecord.TRAINED, null, null,
                null, null, null, evaluatedAt, null, null, null);
    }

    private static S3Uri s3(String uri, String what) {
        try {
            return S3Uri.parse(uri);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(uri, 0, what + ": " + e.getMessage(), e);
        }
    }

    private Summary evaluateTo(Path images, Path incorrect, ManifestInput input, String manifest,
                               EvaluationResult result, ModelDescription description, Sources sources) {
        try (InputStream in = input.open();
                BufferedWriter all = Files.newBufferedWriter(images, StandardCharsets.UTF_8);
                BufferedWriter wrong = Files.newBufferedWriter(incorrect, StandardCharsets.UTF_8)) {
            return evaluator.evaluate(in, manifest, result, description, sources, image -> {
                try {
                    String line = LINE_WRITER.writeValueAsString(image) + "\n";
                    all.write(line);
                    if (!image.correct()) {
                        wrong.write(line);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("writing per-image results to " + images + " failed", e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + manifest + " failed", e);
        }
    }

    private IngestResult storeFailure(String project, String version, String statusMessage, String source) {
        return storeFailure(project, version, statusMessage, source, null);
    }

    private IngestResult storeFailure(String project, String version, String statusMessage, String source,
                                      String trainingJson) {
        JsonLog.put("project", project);
        JsonLog.put("version", version);
        ModelRecord record = new ModelRecord(project, version, ModelRecord.TRAINING_FAILED, statusMessage, null,
                clock.instant().toString(), source, null,
                hash(ModelRecord.TRAINING_FAILED, statusMessage, trainingJson == null ? "" : trainingJson),
                trainingJson);
        return IngestResult.model(outcome(store.save(record)), project, version);
    }

    private static String[] identity(Summary summary, ModelDescription description) {
        if (summary.model() != null && Versions.isProject(summary.model().project())
                && Versions.isVersion(summary.model().version())) {
            return new String[] {summary.model().project(), summary.model().version()};
        }
        if (description != null && Versions.isProject(description.projectName())
                && Versions.isVersion(description.modelVersion())) {
            return new String[] {description.projectName(), description.modelVersion()};
        }
        return null;
    }

    /**
     * The summary as stored in the item: trimmed by design, and trimmed harder if a document is unusually large
     * (many labels), so that the item always stays far below DynamoDB's 400 KB.
     */
    static String itemSummary(Summary summary) {
        String json = write(SummaryTrimmer.trim(summary, SummaryTrimmer.ITEM_CURVE_POINTS,
                SummaryTrimmer.ITEM_MISCLASSIFIED));
        if (json.length() > MAX_ITEM_SUMMARY_CHARS) {
            json = write(SummaryTrimmer.trim(summary, 20, 0));
        }
        if (json.length() > MAX_ITEM_SUMMARY_CHARS) {
            throw new InvalidInputException(String.valueOf(summary.sources()), 0,
                    "summary is too large to store even trimmed (" + json.length() + " characters)");
        }
        return json;
    }

    private static byte[] details(Summary summary) {
        ObjectNode details = Json.mapper().createObjectNode();
        details.set("curves", Json.mapper().valueToTree(summary.curves()));
        details.set("misclassified", Json.mapper().valueToTree(summary.misclassified()));
        details.set("labels", Json.mapper().valueToTree(summary.labels()));
        return write(details).getBytes(StandardCharsets.UTF_8);
    }

    private void allowed(S3Uri location) {
        allowed(location.bucket(), location.toString());
    }

    private void allowed(String bucket, String what) {
        // An empty ARTIFACTS_BUCKETS leaves the choice to the function's IAM policy (local mode, tests).
        if (!allowedBuckets.isEmpty() && !allowedBuckets.contains(bucket)) {
            throw new ForbiddenInput("bucket " + bucket + " is not in ARTIFACTS_BUCKETS; refused to read " + what);
        }
    }

    private S3Uri firstExisting(List<S3Uri> candidates) {
        for (S3Uri candidate : candidates) {
            if (objects.exists(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static S3Uri location(ModelDescription.S3Object object, String source, String field) {
        if (object.bucket() == null || object.key() == null) {
            throw new InvalidInputException(source, 0, field + " lacks Bucket or Key");
        }
        return new S3Uri(object.bucket(), object.key());
    }

    private static IngestOutcome outcome(SaveOutcome saved) {
        return switch (saved) {
            case STORED -> IngestOutcome.STORED;
            case UPDATED -> IngestOutcome.UPDATED;
            case DUPLICATE -> IngestOutcome.DUPLICATE;
        };
    }

    private static IngestResult rejected(String reason, Exception cause) {
        if (cause instanceof AwsServiceException) {
            LOG.error("event rejected: " + reason, cause);
        } else {
            // Bad input, fully described by its message: no stack trace needed to act on it.
            LOG.warn("event rejected: " + reason, "errorType", cause == null ? null : cause.getClass().getName());
        }
        return IngestResult.of(IngestOutcome.REJECTED, reason);
    }

    private static String withoutComputedAt(String summaryJson) {
        try {
            ObjectNode tree = (ObjectNode) Json.mapper().readTree(summaryJson);
            tree.remove("computedAt");
            return tree.toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("summary written a moment ago is not JSON", e);
        }
    }

    private static String hash(String status, String statusMessage, String content) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((status + "\n" + statusMessage + "\n" + content).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String write(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("summary records always serialise", e);
        }
    }

    private static Path tempFile() {
        try {
            return Files.createTempFile("lfv-images-", ".jsonl");
        } catch (IOException e) {
            throw new UncheckedIOException("no room for a temporary file", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("temporary file not deleted", "file", file.toString(), "error", e.toString());
        }
    }

    /** Input this function was not allowed to read: permanent. */
    static final class ForbiddenInput extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ForbiddenInput(String message) {
            super(message);
        }
    }
}
