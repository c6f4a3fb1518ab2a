package dev.lfvmetrics.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lfvmetrics.contracts.EnvironmentVariables;
import dev.lfvmetrics.core.evaluate.EvaluationOptions;
import dev.lfvmetrics.core.evaluate.Evaluator;
import dev.lfvmetrics.functions.alert.AlertService;
import dev.lfvmetrics.functions.alert.Verdicts;
import dev.lfvmetrics.functions.api.ApiHandler;
import dev.lfvmetrics.functions.api.ApiService;
import dev.lfvmetrics.functions.artifacts.ObjectStore;
import dev.lfvmetrics.functions.artifacts.S3ObjectStore;
import dev.lfvmetrics.functions.artifacts.StoredImages;
import dev.lfvmetrics.functions.catalog.S3ModelCatalog;
import dev.lfvmetrics.functions.config.AwsClients;
import dev.lfvmetrics.functions.config.Config;
import dev.lfvmetrics.functions.ingest.IngestOutcome;
import dev.lfvmetrics.functions.ingest.IngestResult;
import dev.lfvmetrics.functions.ingest.IngestService;
import dev.lfvmetrics.functions.log.JsonLog;
import dev.lfvmetrics.functions.notify.Notifier;
import dev.lfvmetrics.functions.notify.SnsNotifier;
import dev.lfvmetrics.functions.sagemaker.SavedSageMakerCatalog;
import dev.lfvmetrics.functions.store.DynamoDbModelStore;
import dev.lfvmetrics.functions.store.ModelStore;
import dev.lfvmetrics.functions.store.TableDefinition;
import dev.lfvmetrics.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The pipeline of the deployed stack, assembled on one machine: the same ingest, alert and API services, with the
 * artifacts read through the real S3 adapter from an in-process S3 over a local folder. The store and the alert
 * channel are a file in the state folder and the console, or, with an endpoint, DynamoDB, S3 and SNS there. The
 * DynamoDB stream that triggers alerts in AWS is replaced by running the alert service right after each write.
 */
public final class LocalPipeline implements AutoCloseable {

    /** The bucket that holds details (per-image results, full curves). */
    static final String DETAILS_BUCKET = LocalSettings.RESOURCE_NAME + "-details";

    private final List<AutoCloseable> resources;
    private final IngestService ingest;
    private final AlertService alerts;
    private final ModelStore store;
    private final ApiHandler api;

    private LocalPipeline(List<AutoCloseable> resources, IngestService ingest, AlertService alerts, ModelStore store,
                          ApiHandler api) {
        this.resources = resources;
        this.ingest = ingest;
        this.alerts = alerts;
        this.store = store;
        this.api = api;
    }

    /**
     * Starts the in-process S3 endpoints and wires the services.
     *
     * @param settings what to run on
     * @param out      where alerts are printed
     * @return the running pipeline
     */
    public static LocalPipeline start(LocalSettings settings, PrintWriter out) {
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            LocalS3 artifactsS3 = LocalS3.start(settings.artifacts());
            resources.add(artifactsS3);
            AwsCredentialsProvider localCredentials = StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY));
            ObjectStore artifacts = new S3ObjectStore(
                    new AwsClients(settings.region(), artifactsS3.endpoint(), localCredentials).s3());
            Map<String, String> env = new HashMap<>();
            env.put(EnvironmentVariables.AWS_REGION, settings.region());
            env.put(EnvironmentVariables.TABLE_NAME, LocalSettings.RESOURCE_NAME);
            env.put(EnvironmentVariables.DETAILS_BUCKET, DETAILS_BUCKET);
            env.put(EnvironmentVariables.DEFAULT_POLICY, settings.defaultPolicy());
            Set<String> buckets = buckets(settings.artifacts());
            env.put(EnvironmentVariables.ARTIFACTS_BUCKETS, String.join(",", buckets));
            env.put(EnvironmentVariables.MODEL_CATALOG, Config.CATALOG_S3);
            env.put(EnvironmentVariables.DASHBOARD_ENABLED, "true");
            if (settings.dashboardUrl() != null) {
                env.put(EnvironmentVariables.DASHBOARD_URL, settings.dashboardUrl().toString());
            }

            ModelStore store;
            ObjectStore details;
            Notifier notifier;
            Path alertsLog = settings.state().resolve("alerts.jsonl");
            ConsoleNotifier console = new ConsoleNotifier(alertsLog, out, Clock.systemUTC());
            if (settings.endpoint() == null) {
                store = new FileModelStore(settings.state().resolve("store.json"));
                LocalS3 detailsS3 = LocalS3.start(settings.state().resolve("s3"));
                resources.add(detailsS3);
                S3Client detailsClient = new AwsClients(settings.region(), detailsS3.endpoint(), localCredentials).s3();
                createBucketIfMissing(detailsClient, DETAILS_BUCKET);
                details = new S3ObjectStore(detailsClient);
                notifier = console;
            } else {
                AwsClients clients = new AwsClients(settings.region(), settings.endpoint(), endpointCredentials());
                TableDefinition.createIfMissing(clients.dynamoDb(), LocalSettings.RESOURCE_NAME);
                store = new DynamoDbModelStore(clients.dynamoDb(), LocalSettings.RESOURCE_NAME);
                S3Client detailsClient = clients.s3();
                createBucketIfMissing(detailsClient, DETAILS_BUCKET);
                details = new S3ObjectStore(detailsClient);
                SnsClient sns = clients.sns();
                String topicArn = sns.createTopic(b -> b.name(LocalSettings.RESOURCE_NAME + "-alerts")).topicArn();
                env.put(EnvironmentVariables.TOPIC_ARN, topicArn);
                notifier = new TeeNotifier(new SnsNotifier(sns, topicArn), console);
            }
            Config config = Config.from(env);
            ObjectStore objects = new RoutingObjectStore(DETAILS_BUCKET, details, artifacts);
            String descriptionBucket = buckets.isEmpty() ? DETAILS_BUCKET : buckets.iterator().next();
            IngestService ingest = new IngestService(config, objects, new S3ModelCatalog(objects, descriptionBucket),
                    new SavedSageMakerCatalog(objects, descriptionBucket), store,
                    new Evaluator(EvaluationOptions.defaults()), Clock.systemUTC());
            Verdicts verdicts = new Verdicts(store, config.defaultPolicy(), new StoredImages(objects, DETAILS_BUCKET));
            AlertService alerts = new AlertService(store, verdicts, notifier, config.dashboardUrl());
            ApiHandler api = new ApiHandler(new ApiService(store, verdicts, objects, DETAILS_BUCKET, true,
                    new LocalFileLinks(), config.artifactsBuckets()));
            return new LocalPipeline(resources, ingest, alerts, store, api);
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    /**
     * Ingests one event as the ingest function would, then raises its alerts as the stream would.
     *
     * @param event the event
     * @return what the ingest function answered
     */
    public IngestResult ingest(JsonNode event) {
        // One log context per event, as each Lambda invocation has: no field of the previous event carries over.
        JsonLog.begin(null, event == null ? null : event.path("id").asText(null));
        IngestResult result = ingest.ingest(event);
        List<IngestResult> models = result.models().isEmpty() ? List.of(result) : result.models();
        for (IngestResult model : models) {
            // A duplicate is re-checked too: alerts are idempotent, and a run stopped between the write and the
            // alert (the stream's job in AWS) finishes here.
            if (model.outcome() == IngestOutcome.STORED || model.outcome() == IngestOutcome.UPDATED
                    || model.outcome() == IngestOutcome.DUPLICATE) {
                store.model(model.project(), model.version()).ifPresent(alerts::process);
            }
        }
        return result;
    }

    /** @return the API handler, for the HTTP server */
    public ApiHandler api() {
        return api;
    }

    @Override
    public void close() {
        closeAll(resources);
    }

    /**
     * The events of the bundled sample: one S3 Object Created event per evaluation result under the artifacts folder,
     * as S3 would send them through EventBridge, in path order; then the recorded SageMaker and backfill events in
     * every {@code BUCKET/sagemaker/events/} folder, in file-name order.
     *
     * @param artifacts the artifacts folder
     * @return the events
     */
    public static List<JsonNode> sampleEvents(Path artifacts) {
        List<JsonNode> events = new ArrayList<>();
        try (Stream<Path> files = Files.walk(artifacts)) {
            files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().matches("EvaluationResult-.*\\.json"))
                    .sorted()
                    .map(f -> ObjectCreatedEvents.of(artifacts.relativize(f)))
                    .forEach(events::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the artifacts folder " + artifacts, e);
        }
        // SageMaker sends its own events; the samples keep them, in the order they happened, beside the artifacts.
        try (Stream<Path> files = Files.walk(artifacts)) {
            List<Path> recorded = files.filter(Files::isRegularFile)
                    .filter(f -> f.getParent().endsWith(SAMPLE_EVENTS) && f.toString().endsWith(".json"))
                    .sorted()
                    .toList();
            for (Path file : recorded) {
                try (InputStream in = Files.newInputStream(file)) {
                    events.add(Json.readTree(in, file.toString()));
                }
            }
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the artifacts folder " + artifacts, e);
        }
    }

    private static final Path SAMPLE_EVENTS = Path.of("sagemaker", "events");

    private static Set<String> buckets(Path artifacts) {
        if (!Files.isDirectory(artifacts)) {
            throw new IllegalArgumentException("the artifacts folder " + artifacts + " does not exist");
        }
        try (Stream<Path> children = Files.list(artifacts)) {
            return children.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the artifacts folder " + artifacts, e);
        }
    }

    private static AwsCredentialsProvider endpointCredentials() {
        // Emulators accept any key; use the caller's chain when they set one, so LocalStack setups keep theirs.
        if (System.getenv("AWS_ACCESS_KEY_ID") != null || System.getenv("AWS_PROFILE") != null) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
    }

    private static void createBucketIfMissing(S3Client s3, String bucket) {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException missing) {
            s3.createBucket(b -> b.bucket(bucket));
        }
    }

    private static void closeAll(List<AutoCloseable> resources) {
        RuntimeException failure = null;
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("closing the local pipeline failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
