package dev.lfvmetrics.infra;

import dev.lfvmetrics.contracts.EnvironmentVariables;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.StartingPosition;
import software.amazon.awscdk.services.lambda.eventsources.DynamoEventSource;
import software.amazon.awscdk.services.lambda.eventsources.DynamoEventSourceProps;
import software.amazon.awscdk.services.lambda.eventsources.SqsDlq;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.stepfunctions.IStateMachine;
import software.constructs.Construct;

/**
 * The whole pipeline in one stack: storage, the alert topic, the four functions, their triggers and retry
 * layers, the training watcher, the query API and the alarms. Each function gets exactly the grants its handler
 * needs (see the grant section below); the context parameters are in {@link StackSettings}.
 */
public final class LfvMetricsStack extends Stack {

    /** Key prefix of the details bucket (DETAILS_PREFIX). */
    public static final String DETAILS_PREFIX = "lfv-metrics/";

    static final RetentionDays LOG_RETENTION = RetentionDays.ONE_MONTH;
    static final Duration WATCH_INTERVAL = Duration.minutes(5);
    // Lookout for Vision trainings take from tens of minutes to a few hours; a day leaves a wide margin.
    static final Duration WATCH_MAX_WAIT = Duration.hours(24);

    private static final String DESCRIBE_MODEL_FINDING = "/^Resource::arn:<AWS::Partition>:lookoutvision:"
            + "<AWS::Region>:<AWS::AccountId>:model\\/[A-Za-z0-9_-]+\\/\\*$/";
    private static final String DESCRIBE_MODEL_REASON = "lookoutvision:DescribeModel is allowed on"
            + " model/<project>/* of each watched project only: model versions are numbered by training at run"
            + " time, so the version part of the ARN cannot be known at deploy time.";

    private final DataStore data;
    private final AlertTopic alerts;
    private final PipelineFunctions functions;
    private final Optional<TrainingWatcher> watcher;
    private final QueryApi api;
    private final PipelineAlarms alarms;

    /**
     * @param scope the app
     * @param id the stack id
     * @param props stack properties (environment-agnostic unless the caller sets one)
     * @param settings the validated context parameters
     */
    public LfvMetricsStack(Construct scope, String id, StackProps props, StackSettings settings) {
        super(scope, id, props);
        Tags.of(this).add("project", "lfv-metrics");
        SnapStartRegions.guard(this);
        this.data = new DataStore(this, "Data");
        this.alerts = new AlertTopic(this, "Alerts", new AlertTopicProps(settings.alertEmails(), settings.slack()));
        DeadLetterQueue eventDeadLetters = new DeadLetterQueue(this, "EventDeadLetters",
                "events EventBridge could not deliver to a rule target");
        DeadLetterQueue ingestFailures = new DeadLetterQueue(this, "IngestFailures",
                "asynchronous ingest invocations that failed after their retries");
        DeadLetterQueue streamFailures = new DeadLetterQueue(this, "AlertStreamFailures",
                "table stream batches the alert function failed on after its retries");
        boolean watching = !settings.watchedProjects().isEmpty();
        this.functions = new PipelineFunctions(this, "Functions", new PipelineFunctionsProps(settings.functionsJar(),
                environment(settings), ingestFailures.queue(), watching, LOG_RETENTION));

        grant(settings);

        PipelineFunction alert = functions.alert();
        alert.alias().addEventSource(new DynamoEventSource(data.table(), DynamoEventSourceProps.builder()
                .startingPosition(StartingPosition.LATEST)
                .batchSize(10)
                .bisectBatchOnError(true)
                .retryAttempts(5)
                .maxRecordAge(Duration.hours(24))
                .reportBatchItemFailures(true)
                .onFailure(new SqsDlq(streamFailures.queue()))
                .build()));

        new IngestTriggers(this, "IngestTriggers", new IngestTriggersProps(functions.ingest().alias(),
                settings.artifactsBuckets(), settings.artifactsPrefix(), eventDeadLetters.queue(),
                settings.sageMaker()));
        this.watcher = functions.watch().map(watch -> new TrainingWatcher(this, "TrainingWatcher",
                new TrainingWatcherProps(watch.alias(), functions.ingest().alias(), settings.watchedProjects(),
                        WATCH_INTERVAL, WATCH_MAX_WAIT, eventDeadLetters.queue(), LOG_RETENTION)));
        this.api = new QueryApi(this, "QueryApi", new QueryApiProps(functions.api().alias(), settings.apiAuth(),
                50, 100, LOG_RETENTION));
        // Only the alert function links to the dashboard: the API's own URL in its function would be a cycle.
        settings.dashboardUrl().map(URI::toString)
                .or(() -> settings.apiAuth() == ApiAuth.NONE ? Optional.of(api.url() + "ui/") : Optional.empty())
                .ifPresent(url -> alert.function().addEnvironment(EnvironmentVariables.DASHBOARD_URL, url));

        Map<String, IQueue> queues = new LinkedHashMap<>();
        queues.put("Event", eventDeadLetters.queue());
        queues.put("IngestFailure", ingestFailures.queue());
        queues.put("AlertStream", streamFailures.queue());
        Map<String, IFunction> byName = new LinkedHashMap<>();
        byName.put("Ingest", functions.ingest().function());
        functions.watch().ifPresent(w -> byName.put("Watch", w.function()));
        byName.put("Alert", functions.alert().function());
        byName.put("Api", functions.api().function());
        this.alarms = new PipelineAlarms(this, "Alarms", new PipelineAlarmsProps(alerts.topic(), queues, byName,
                watcher.map(w -> (IStateMachine) w.stateMachine())));

        output("ApiUrl", api.url(), "Base URL of the query API (IAM-signed requests unless apiAuth=none)");
        output("TopicArn", alerts.topic().getTopicArn(), "Alert topic: subscribe more endpoints here");
        output("TableName", data.table().getTableName(), "DynamoDB table holding the evaluation history");
        output("DetailsBucket", data.detailsBucket().getBucketName(), "Bucket of curves and per-image results");
    }

    private Map<String, String> environment(StackSettings settings) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(EnvironmentVariables.TABLE_NAME, data.table().getTableName());
        env.put(EnvironmentVariables.DETAILS_BUCKET, data.detailsBucket().getBucketName());
        env.put(EnvironmentVariables.DETAILS_PREFIX, DETAILS_PREFIX);
        env.put(EnvironmentVariables.TOPIC_ARN, alerts.topic().getTopicArn());
        env.put(PipelineFunctions.MODEL_CATALOG, settings.modelCatalog().value());
        env.put(EnvironmentVariables.DASHBOARD_ENABLED, "true");
        // Lambda rejects empty values: optional variables are left out instead.
        if (!settings.defaultPolicy().isEmpty()) {
            env.put(EnvironmentVariables.DEFAULT_POLICY, settings.defaultPolicy());
        }
        List<String> readable = new ArrayList<>(settings.artifactsBuckets());
        settings.sageMaker().buckets().stream().filter(b -> !readable.contains(b)).forEach(readable::add);
        if (!readable.isEmpty()) {
            env.put(EnvironmentVariables.ARTIFACTS_BUCKETS, String.join(",", readable));
        }
        env.put(EnvironmentVariables.SAGEMAKER_ALGORITHMS, String.join(",", settings.sageMaker().algorithms()));
        env.put(EnvironmentVariables.SAGEMAKER_TAGGED_ONLY, Boolean.toString(settings.sageMaker().taggedOnly()));
        settings.descriptionBucket().ifPresent(bucket -> env.put(PipelineFunctions.DESCRIPTION_BUCKET, bucket));
        Limits.checkEnvironment(env, Map.of(EnvironmentVariables.DEFAULT_POLICY, DefaultPolicy.PARAMETER,
                EnvironmentVariables.ARTIFACTS_BUCKETS, "artifactsBuckets' and 'predictionBuckets",
                EnvironmentVariables.SAGEMAKER_ALGORITHMS, SageMakerSettings.ALGORITHMS));
        return env;
    }

    // Least privilege: each role gets the data-plane actions of its handler, on its resources only.
    private void grant(StackSettings settings) {
        Table table = data.table();
        Bucket details = data.detailsBucket();
        String detailObjects = DETAILS_PREFIX + "*";

        Role ingest = functions.ingest().role();
        table.grantReadWriteData(ingest);
        details.grantRead(ingest, detailObjects);
        details.grantPut(ingest, detailObjects);
        List<IBucket> artifacts = imported("Artifacts", settings.artifactsBuckets());
        for (IBucket bucket : artifacts) {
            bucket.grantRead(ingest, settings.artifactsPrefix() + "*");
        }
        settings.descriptionBucket().ifPresent(name -> imported("Descriptions", List.of(name)).get(0)
                .grantRead(ingest, "*"));
        for (IBucket bucket : imported("Predictions", settings.sageMaker().buckets())) {
            // Ground truth and .out files may sit anywhere a team's transform jobs write them.
            bucket.grantRead(ingest, "*");
        }
        if (!settings.artifactsKmsKeys().isEmpty()) {
            // Objects in buckets encrypted with a customer key: decrypt through S3 only, never directly.
            ingest.addToPolicy(PolicyStatement.Builder.create()
                    .sid("DecryptArtifactsThroughS3")
                    .actions(List.of("kms:Decrypt"))
                    .resources(settings.artifactsKmsKeys())
                    .conditions(Map.of("StringEquals", Map.of("kms:ViaService",
                            "s3." + getRegion() + ".amazonaws.com")))
                    .build());
        }
        ingest.addToPolicy(PolicyStatement.Builder.create()
                .sid("DescribeSageMakerJobs")
                .actions(List.of("sagemaker:DescribeModel", "sagemaker:DescribeTrainingJob", "sagemaker:ListTags"))
                .resources(List.of(sageMakerArn("model/*"), sageMakerArn("training-job/*"),
                        sageMakerArn("transform-job/*")))
                .build());

        Role alert = functions.alert().role();
        table.grantReadWriteData(alert);
        // Per-image results, for the paired tests of drops and for operating points.
        details.grantRead(alert, detailObjects);
        alerts.topic().grantPublish(alert);

        Role api = functions.api().role();
        table.grantReadWriteData(api);
        details.grantRead(api, detailObjects);
        if (!artifacts.isEmpty()) {
            // Test images and masks sit anywhere in those buckets (a dataset's own folders), not under the
            // artifacts prefix: the ingest reads the masks, the API signs short-lived links to both. Reads only.
            PolicyStatement images = PolicyStatement.Builder.create()
                    .sid("ReadImagesAndMasks")
                    .actions(List.of("s3:GetObject"))
                    .resources(artifacts.stream().map(b -> b.arnForObjects("*")).toList())
                    .build();
            ingest.addToPolicy(images);
            api.addToPolicy(images);
        }

        if (!settings.watchedProjects().isEmpty()) {
            PolicyStatement describe = describeModel(settings.watchedProjects());
            functions.watch().ifPresent(watch -> watch.role().addToPolicy(describe));
            if (settings.modelCatalog() == ModelCatalog.LIVE) {
                ingest.addToPolicy(describe);
            }
        }
        acknowledgeGrantWildcards(settings);
    }

    private List<IBucket> imported(String id, List<String> names) {
        List<IBucket> buckets = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            buckets.add(Bucket.fromBucketName(this, id + i, names.get(i)));
        }
        return buckets;
    }

    private String sageMakerArn(String resource) {
        return "arn:" + getPartition() + ":sagemaker:" + getRegion() + ":" + getAccount() + ":" + resource;
    }

    private PolicyStatement describeModel(List<String> projects) {
        List<String> models = projects.stream()
                .map(project -> "arn:" + getPartition() + ":lookoutvision:" + getRegion() + ":" + getAccount()
                        + ":model/" + project + "/*")
                .toList();
        return PolicyStatement.Builder.create()
                .sid("DescribeWatchedModels")
                .actions(List.of("lookoutvision:DescribeModel"))
                .resources(models)
                .build();
    }

    // Every wildcard the grants above produce, named exactly (appliesTo) so that any other wildcard still fails.
    private void acknowledgeGrantWildcards(StackSettings settings) {
        String tableIndexes = "/^Resource::<DataTable[A-Za-z0-9]+\\.Arn>\\/index\\/\\*$/";
        String detailObjects = "/^Resource::<DataDetailsBucket[A-Za-z0-9]+\\.Arn>\\/lfv-metrics\\/\\*$/";
        String tableReason = "Table grants (grantReadWriteData) cover the table and its indexes: <table>/index/* is"
                + " the one index gsi1 that lists projects, and no other table.";
        String s3Reason = "S3 read grants (grantRead/grantPut) expand to the documented action groups s3:GetObject*,"
                + " s3:GetBucket*, s3:List*, s3:Abort* on this bucket and key prefix only; object keys are created"
                + " at run time, so the prefix ends in '*'.";
        List<String> ingestFindings = new ArrayList<>(List.of("Action::s3:GetObject*",
                "Action::s3:GetBucket*", "Action::s3:List*", "Action::s3:Abort*", tableIndexes, detailObjects,
                "/^Resource::arn:<AWS::Partition>:s3:::[a-z0-9.-]+\\/.*\\*$/"));
        ingestFindings.add("/^Resource::arn:<AWS::Partition>:sagemaker:<AWS::Region>:<AWS::AccountId>:"
                + "(model|training-job|transform-job)\\/\\*$/");
        String ingestReason = tableReason + " " + s3Reason + " Artifacts buckets: read-only, only under"
                + " artifactsPrefix, where Lookout for Vision writes evaluation files of new models, and"
                + " s3:GetObject on their objects for the masks the manifests name. Prediction"
                + " buckets: read-only, where batch transforms write .out files and teams keep test manifests."
                + " sagemaker:DescribeModel, DescribeTrainingJob and ListTags (read-only) on this account's and"
                + " region's models, training and transform jobs: their names are chosen at run time, by whoever"
                + " trains, so"
                + " the name part of the ARN cannot be known at deploy time.";
        if (settings.modelCatalog() == ModelCatalog.LIVE && !settings.watchedProjects().isEmpty()) {
            ingestFindings.add(DESCRIBE_MODEL_FINDING);
            ingestReason += " " + DESCRIBE_MODEL_REASON;
        }
        Nag.acknowledge(functions.ingest().role(), "AwsSolutions-IAM5", ingestReason,
                ingestFindings.toArray(String[]::new));
        Nag.acknowledge(functions.api().role(), "AwsSolutions-IAM5", tableReason + " " + s3Reason
                + " s3:GetObject on the artifacts buckets' objects: the API signs short-lived links to test images"
                + " and masks there, whose keys are the datasets' own.",
                "Action::s3:GetObject*", "Action::s3:GetBucket*", "Action::s3:List*", tableIndexes, detailObjects,
                "/^Resource::arn:<AWS::Partition>:s3:::[a-z0-9.-]+\\/\\*$/");
        Nag.acknowledge(functions.alert().role(), "AwsSolutions-IAM5", tableReason + " " + s3Reason
                + " The alert function reads the per-image results to test drops."
                + " kms:GenerateDataKey* (from topic.grantPublish) is on the alert topic's own key only, which SNS"
                + " needs to encrypt each message. dynamodb:ListStreams has no resource-level permission in IAM, so"
                + " the stream event source needs it on '*'.",
                tableIndexes, "Action::kms:GenerateDataKey*", "Resource::*", "Action::s3:GetObject*",
                "Action::s3:GetBucket*", "Action::s3:List*", detailObjects);
        functions.watch().ifPresent(watch -> Nag.acknowledge(watch.role(), "AwsSolutions-IAM5",
                DESCRIBE_MODEL_REASON, DESCRIBE_MODEL_FINDING));
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }

    /**
     * @return the table and details bucket
     */
    public DataStore data() {
        return data;
    }

    /**
     * @return the alert topic
     */
    public AlertTopic alerts() {
        return alerts;
    }

    /**
     * @return the functions
     */
    public PipelineFunctions functions() {
        return functions;
    }

    /**
     * @return the training watcher, present when projects are watched
     */
    public Optional<TrainingWatcher> watcher() {
        return watcher;
    }

    /**
     * @return the query API
     */
    public QueryApi api() {
        return api;
    }

    /**
     * @return the alarms
     */
    public PipelineAlarms alarms() {
        return alarms;
    }
}
