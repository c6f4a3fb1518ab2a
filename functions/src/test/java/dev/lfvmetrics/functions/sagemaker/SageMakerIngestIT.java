package dev.lfvmetrics.functions.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lfvmetrics.core.evaluate.Evaluator;
import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.core.summary.Summary;
import dev.lfvmetrics.functions.config.Config;
import dev.lfvmetrics.functions.ingest.IngestHandler;
import dev.lfvmetrics.functions.store.DynamoDbModelStore;
import dev.lfvmetrics.functions.store.ModelRecord;
import dev.lfvmetrics.functions.testing.Invoke;
import dev.lfvmetrics.functions.testing.MotoExtension;
import dev.lfvmetrics.functions.testing.TestAccount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.Tag;

/**
 * The SageMaker path end to end on moto: training and transform jobs (with tags) in SageMaker, the ground truth and
 * .out files in S3, the store in DynamoDB, driven by the bundled sample events.
 */
@ExtendWith(MotoExtension.class)
class SageMakerIngestIT {

    private static final String EVENTS = "artifacts/lfv-samples/sagemaker/events/";
    private static final String SCREWS_JOB = "screws-2026-11-20-10-00-00-000";
    private static final String ALGORITHM =
            "arn:aws:sagemaker:us-east-1:865070037744:algorithm/lfv-public-algorithm-v1-1234567890abcdef";
    private static final String OUTPUT = "s3://lfv-samples/sagemaker-output/";

    private TestAccount account;
    private IngestHandler handler;
    private DynamoDbModelStore store;
    private SageMakerClient sageMaker;

    @BeforeEach
    void setUp() {
        account = new TestAccount();
        Config config = account.createStack(Map.of("SAGEMAKER_CATALOG", "live"));
        account.uploadSamples();
        handler = new IngestHandler(IngestHandler.build(account.wiring(config)));
        store = new DynamoDbModelStore(account.dynamo(), TestAccount.TABLE);
        sageMaker = account.clients().sageMaker();
    }

    private void createTrainingJob(String name, String testManifest, Tag... tags) {
        sageMaker.createTrainingJob(b -> b.trainingJobName(name)
                .algorithmSpecification(a -> a.algorithmName(ALGORITHM).trainingInputMode("File"))
                .roleArn("arn:aws:iam::123456789012:role/sagemaker")
                .hyperParameters(Map.of("ModelType", "classification"))
                .inputDataConfig(c -> c.channelName("test").dataSource(d -> d.s3DataSource(s -> s
                        .s3DataType("AugmentedManifestFile").s3Uri(testManifest))))
                .outputDataConfig(o -> o.s3OutputPath(OUTPUT))
                .resourceConfig(r -> r.instanceType("ml.g4dn.2xlarge").instanceCount(1).volumeSizeInGB(30))
                .stoppingCondition(s -> s.maxRuntimeInSeconds(7200))
                .tags(tags));
    }

    private void createModel(String name, String trainingJob) {
        sageMaker.createModel(b -> b.modelName(name).executionRoleArn("arn:aws:iam::123456789012:role/sagemaker")
                .primaryContainer(c -> c.image("123456789012.dkr.ecr.us-east-1.amazonaws.com/lfv:1")
                        .modelDataUrl(OUTPUT + trainingJob + "/output/model.tar.gz")));
    }

    private JsonNode ingest(String event) {
        return Invoke.handler(handler, Invoke.event(EVENTS + event));
    }

    private static String screwsManifest() {
        return "s3://lfv-samples/sagemaker-data/screws/test.manifest";
    }

    @Test
    void givenTrainingThenTransform_whenIngested_thenPendingVersionGetsItsEvaluation() throws Exception {
        createTrainingJob(SCREWS_JOB, screwsManifest());
        createModel("screws-model-1", SCREWS_JOB);

        JsonNode trained = ingest("01-screws-training-completed.json");
        ModelRecord pending = store.model("screws", "1").orElseThrow();
        JsonNode evaluated = ingest("02-screws-transform-completed.json");

        assertThat(trained.path("outcome").asText()).isEqualTo("STORED");
        assertThat(pending.pending()).isTrue();
        assertThat(pending.statusMessage()).contains("evaluation pending");
        assertThat(Json.mapper().readTree(pending.trainingJson()).path("channels").path("test").asText())
                .isEqualTo(screwsManifest());
        assertThat(evaluated.path("outcome").asText()).isEqualTo("UPDATED");
        ModelRecord model = store.model("screws", "1").orElseThrow();
        JsonNode summary = Json.mapper().readTree(model.summaryJson());
        assertThat(summary.at("/metrics/images").asLong()).isEqualTo(80);
        assertThat(summary.at("/sources/groundTruth").asText()).isEqualTo(screwsManifest());
        assertThat(summary.at("/sources/predictions").asText())
                .isEqualTo("s3://lfv-samples/sagemaker-data/screws/transform-output/");
        assertThat(summary.at("/model/modelArn").asText()).endsWith(":training-job/" + SCREWS_JOB);
        assertThat(summary.at("/model/description").asText()).contains("ModelType classification");
        assertThat(summary.at("/model/evaluatedAt").asText()).isEqualTo("2025-11-20T12:10:00Z");
        assertThat(model.trainingJson()).isNotNull();
    }

    @Test
    void givenJoinedSample_whenIngested_thenFiguresEqualTheEquivalentEvaluationManifests(@TempDir Path dir)
            throws Exception {
        createTrainingJob(SCREWS_JOB, screwsManifest());
        createModel("screws-model-1", SCREWS_JOB);
        ingest("02-screws-transform-completed.json");
        // The per-image results are evaluation-manifest lines' outcomes: rebuild the manifest from them.
        StringBuilder manifest = new StringBuilder();
        for (String line : account.get(TestAccount.DETAILS, "lfv-metrics/screws/1/images.jsonl").split("\n")) {
            JsonNode image = Json.mapper().readTree(line);
            manifest.append(String.format("{\"source-ref\":\"%s\",\"a-metadata\":{\"class-name\":\"%s\",\"type\":"
                    + "\"groundtruth/image-classification\"},\"a-detected-metadata\":{\"class-name\":\"%s\","
                    + "\"confidence\":%s,\"type\":\"groundtruth/image-classification\"}}%n",
                    image.path("sourceRef").asText(), image.path("actual").asText(), image.path("predicted").asText(),
                    image.path("confidence").asText()));
        }
        Path file = dir.resolve("rebuilt.jsonl");
        Files.writeString(file, manifest);
        Summary expected = new Evaluator(null).evaluate(file, null, null, null);

        JsonNode stored = Json.mapper().readTree(store.model("screws", "1").orElseThrow().summaryJson());

        assertThat(stored.at("/metrics/truePositives").asLong()).isEqualTo(expected.metrics().truePositives());
        assertThat(stored.at("/metrics/falsePositives").asLong()).isEqualTo(expected.metrics().falsePositives());
        assertThat(stored.at("/metrics/rocAuc").asDouble()).isEqualTo(expected.metrics().rocAuc());
        assertThat(stored.at("/metrics/averagePrecision").asDouble()).isEqualTo(expected.metrics().averagePrecision());
    }

    @Test
    void givenEventsTwiceAndOutOfOrder_whenIngested_thenOneVersionWithItsEvaluation() {
        createTrainingJob(SCREWS_JOB, screwsManifest());
        createModel("screws-model-1", SCREWS_JOB);

        JsonNode first = ingest("02-screws-transform-completed.json");
        JsonNode late = ingest("01-screws-training-completed.json");
        JsonNode again = ingest("01-screws-training-completed.json");
        JsonNode repeated = ingest("02-screws-transform-completed.json");

        assertThat(first.path("outcome").asText()).isEqualTo("STORED");
        assertThat(first.path("version").asText()).isEqualTo("1");
        assertThat(late.path("outcome").asText()).isEqualTo("DUPLICATE");
        assertThat(late.path("version").asText()).isEqualTo("1");
        assertThat(again.path("outcome").asText()).isEqualTo("DUPLICATE");
        assertThat(repeated.path("outcome").asText()).isEqualTo("DUPLICATE");
        assertThat(store.model("screws", "1").orElseThrow().evaluated()).isTrue();
        assertThat(store.model("screws", "2")).isEmpty();
    }

    @Test
    void givenTagsOnTheTrainingJob_whenItsTransformIsIngested_thenTheTaggedProjectAndVersionAreUsed() {
        createTrainingJob("anything-at-all", screwsManifest(), Tag.builder().key("lfv-metrics:project")
                .value("pumps").build(), Tag.builder().key("lfv-metrics:version").value("7").build());
        createModel("screws-model-1", "anything-at-all");

        JsonNode result = ingest("02-screws-transform-completed.json");

        assertThat(result.path("outcome").asText()).isEqualTo("STORED");
        assertThat(result.path("project").asText()).isEqualTo("pumps");
        assertThat(result.path("version").asText()).isEqualTo("7");
    }

    @Test
    void givenTransformEventWithoutTags_whenIngested_thenTheJobsTagsAreAskedFor() throws Exception {
        createModel("screws-model-1", SCREWS_JOB);
        String arn = sageMaker.createTransformJob(b -> b.transformJobName("screws-eval-1").modelName("screws-model-1")
                .transformInput(i -> i.dataSource(d -> d.s3DataSource(s -> s.s3DataType("S3Prefix")
                        .s3Uri("s3://lfv-samples/sagemaker-data/screws/images/"))))
                .transformOutput(o -> o.s3OutputPath("s3://lfv-samples/sagemaker-data/screws/transform-output/"))
                .transformResources(r -> r.instanceType("ml.m5.large").instanceCount(1))
                .tags(Tag.builder().key("lfv-metrics:project").value("bolts").build(),
                        Tag.builder().key("lfv-metrics:version").value("4").build(),
                        Tag.builder().key("lfv-metrics:ground-truth").value(screwsManifest()).build()))
                .transformJobArn();
        JsonNode event = Json.mapper().readTree(Invoke.event(EVENTS + "02-screws-transform-completed.json"));
        ((ObjectNode) event.path("detail")).remove("Tags");
        ((ObjectNode) event.path("detail")).put("TransformJobArn", arn);

        JsonNode result = Invoke.handler(handler, event.toString());

        assertThat(result.path("outcome").asText()).isEqualTo("STORED");
        assertThat(result.path("project").asText()).isEqualTo("bolts");
        assertThat(result.path("version").asText()).isEqualTo("4");
        assertThat(store.model("bolts", "4").orElseThrow().trainingJson()).isNull();
    }

    @Test
    void givenTrainingFailedEvent_whenIngested_thenFailedVersionWithTheReasonAfterTheTrainedOne() {
        ingest("01-screws-training-completed.json");

        JsonNode failed = ingest("03-screws-training-failed.json");

        assertThat(failed.path("outcome").asText()).isEqualTo("STORED");
        assertThat(failed.path("version").asText()).isEqualTo("2");
        ModelRecord model = store.model("screws", "2").orElseThrow();
        assertThat(model.status()).isEqualTo(ModelRecord.TRAINING_FAILED);
        assertThat(model.statusMessage()).startsWith("AlgorithmError:");
    }

    @Test
    void givenTransformOfAModelSageMakerDoesNotKnow_whenIngested_thenRejectedNamingIt() {
        JsonNode result = ingest("02-screws-transform-completed.json");

        assertThat(result.path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(result.path("reason").asText()).isEqualTo("SageMaker model screws-model-1 not found");
    }

    @Test
    void givenFailedTransform_whenIngested_thenCountedAndNothingStored() {
        String event = Invoke.event(EVENTS + "02-screws-transform-completed.json")
                .replace("\"TransformJobStatus\": \"Completed\"", "\"TransformJobStatus\": \"Failed\", "
                        + "\"FailureReason\": \"ClientError: out of memory\"");

        JsonNode result = Invoke.handler(handler, event);

        assertThat(result.path("outcome").asText()).isEqualTo("TRANSFORM_FAILED");
        assertThat(result.path("reason").asText()).contains("ClientError: out of memory");
        assertThat(store.projects()).isEmpty();
    }

    @Test
    void givenExplicitBackfill_whenIngested_thenTheNamedVersionIsEvaluatedWithoutSageMaker() {
        JsonNode result = ingest("06-tiles-backfill-v2.json");

        assertThat(result.path("outcome").asText()).isEqualTo("STORED");
        ModelRecord model = store.model("tiles", "2").orElseThrow();
        assertThat(model.evaluated()).isTrue();
        assertThat(model.trainingJson()).isNull();
    }

    @Test
    void givenAnImageWithoutPrediction_whenIngested_thenRejectedNamingImageAndNothingStored() {
        account.s3().deleteObject(b -> b.bucket(TestAccount.ARTIFACTS)
                .key("sagemaker-data/tiles/transform-output-v2/test/tile-07.jpg.out"));

        JsonNode result = ingest("06-tiles-backfill-v2.json");

        assertThat(result.path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(result.path("reason").asText()).isEqualTo("s3://lfv-samples/sagemaker-data/tiles/test.manifest:8:"
                + " no prediction for s3://lfv-samples/sagemaker-data/tiles/images/test/tile-07.jpg: no tile-07.jpg.out"
                + " under s3://lfv-samples/sagemaker-data/tiles/transform-output-v2/");
        assertThat(store.model("tiles", "2")).isEmpty();
    }
}
