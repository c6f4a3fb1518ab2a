package dev.lfvmetrics.functions.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.core.masks.FolderMasks;
import dev.lfvmetrics.core.masks.MaskEvaluation;
import dev.lfvmetrics.core.summary.LabelMetrics;
import dev.lfvmetrics.core.summary.MaskFigures;
import dev.lfvmetrics.core.summary.Summary;
import dev.lfvmetrics.functions.config.AwsClients;
import dev.lfvmetrics.functions.config.Config;
import dev.lfvmetrics.functions.config.Wiring;
import dev.lfvmetrics.functions.store.DynamoDbModelStore;
import dev.lfvmetrics.functions.store.ModelRecord;
import dev.lfvmetrics.functions.testing.Invoke;
import dev.lfvmetrics.functions.testing.Manifests;
import dev.lfvmetrics.functions.testing.MotoExtension;
import dev.lfvmetrics.functions.testing.Samples;
import dev.lfvmetrics.functions.testing.TestAccount;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(MotoExtension.class)
class IngestIT {

    private static final String PCB = "circuit-board/output/";

    private TestAccount account;
    private IngestHandler handler;
    private DynamoDbModelStore store;
    private Config config;

    @BeforeEach
    void setUp() {
        account = new TestAccount();
        config = account.createStack(Map.of());
        account.uploadSamples();
        Wiring wiring = account.wiring(config);
        handler = new IngestHandler(IngestHandler.build(wiring));
        store = new DynamoDbModelStore(account.dynamo(), TestAccount.TABLE);
    }

    private JsonNode ingest(String eventJson) {
        return Invoke.handler(handler, eventJson);
    }

    private static String objectCreated(String bucket, String key) {
        return Invoke.event("s3-object-created-result.json")
                .replace("\"name\": \"lfv-samples\"", "\"name\": \"" + bucket + "\"")
                .replace("circuit-board/output/EvaluationResult-circuit-board-1.json", key);
    }

    private List<Map<String, AttributeValue>> modelItems(String project) {
        return account.dynamo().query(b -> b.tableName(TestAccount.TABLE)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :m)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("PROJECT#" + project),
                        ":m", AttributeValue.fromS("MODEL#")))).items();
    }

    @Test
    void givenBothArtifactEventsThenOneModelIsStoredWithItsDetails() throws Exception {
        JsonNode first = ingest(Invoke.event("s3-object-created-result.json"));
        JsonNode second = ingest(Invoke.event("s3-object-created-manifest.json"));

        assertThat(first.path("outcome").asText()).isEqualTo("STORED");
        assertThat(first.path("project").asText()).isEqualTo("circuit-board");
        assertThat(first.path("version").asText()).isEqualTo("1");
        assertThat(second.path("outcome").asText()).isEqualTo("DUPLICATE");
        assertThat(modelItems("circuit-board")).hasSize(1);

        ModelRecord model = store.model("circuit-board", "1").orElseThrow();
        JsonNode summary = Json.mapper().readTree(model.summaryJson());
        assertThat(summary.path("metrics").path("images").asLong()).isEqualTo(140);
        assertThat(summary.path("sources").path("description").asText())
                .isEqualTo("s3://lfv-samples/" + PCB + "DescribeModel-circuit-board-1.json");
        assertThat(model.status()).isEqualTo("TRAINED");
        assertThat(model.detailsKey()).isEqualTo("lfv-metrics/circuit-board/1/");
        String images = account.get(TestAccount.DETAILS, "lfv-metrics/circuit-board/1/images.jsonl");
        assertThat(images.lines()).hasSize(140);
        String incorrect = account.get(TestAccount.DETAILS, "lfv-metrics/circuit-board/1/incorrect.jsonl");
        assertThat(incorrect.lines()).hasSize(summary.path("metrics").path("incorrect").asInt())
                .allMatch(line -> line.contains("\"correct\":false"));
        JsonNode details = Json.mapper().readTree(account.get(TestAccount.DETAILS,
                "lfv-metrics/circuit-board/1/details.json"));
        assertThat(details.path("misclassified").path("total").asLong())
                .isEqualTo(summary.path("misclassified").path("total").asLong());
    }

    @Test
    void givenTheSameEventTwiceThenTheSecondIsADuplicate() {
        String event = Invoke.event("s3-object-created-manifest.json");

        assertThat(ingest(event).path("outcome").asText()).isEqualTo("STORED");
        assertThat(ingest(event).path("outcome").asText()).isEqualTo("DUPLICATE");
        assertThat(modelItems("circuit-board")).hasSize(1);
    }

    @Test
    void givenTheResultBeforeItsManifestThenTheManifestsEventStoresIt() {
        account.put(TestAccount.ARTIFACTS, "late/EvaluationResult-circuit-board-1.json",
                Samples.text(PCB + "EvaluationResult-circuit-board-1.json"));

        JsonNode early = ingest(objectCreated(TestAccount.ARTIFACTS, "late/EvaluationResult-circuit-board-1.json"));
        account.put(TestAccount.ARTIFACTS, "late/EvaluationManifest-circuit-board-1.json",
                Samples.text(PCB + "EvaluationManifest-circuit-board-1.json"));
        JsonNode late = ingest(objectCreated(TestAccount.ARTIFACTS, "late/EvaluationManifest-circuit-board-1.json"));

        assertThat(early.path("outcome").asText()).isEqualTo("IGNORED");
        assertThat(early.path("reason").asText()).contains("no evaluation manifest");
        assertThat(late.path("outcome").asText()).isEqualTo("STORED");
    }

    @Test
    void givenVersionsOutOfOrderThenTheLatestStaysTheHighest() {
        ingest(objectCreated(TestAccount.ARTIFACTS, PCB + "EvaluationResult-circuit-board-2.json"));
        ingest(objectCreated(TestAccount.ARTIFACTS, PCB + "EvaluationResult-circuit-board-1.json"));

        assertThat(store.latest("circuit-board")).get().extracting(ModelRecord::version).isEqualTo("2");
        assertThat(modelItems("circuit-board")).hasSize(2);
    }

    @Test
    void theWatchersTrainedEventReadsTheArtifactsTheDescriptionPointsAt() {
        account.saveDescription("circuit-board", "2");

        JsonNode result = ingest(Invoke.event("watcher-trained.json"));

        assertThat(result.path("outcome").asText()).isEqualTo("STORED");
        ModelRecord model = store.model("circuit-board", "2").orElseThrow();
        assertThat(model.summaryJson()).contains("s3://" + TestAccount.DESCRIPTIONS
                + "/DescribeModel-circuit-board-2.json");
    }

    @Test
    void theWatchersFailedEventStoresTheFailureOnce() {
        String event = Invoke.event("watcher-training-failed.json");

        assertThat(ingest(event).path("outcome").asText()).isEqualTo("STORED");
        assertThat(ingest(event).path("outcome").asText()).isEqualTo("DUPLICATE");

        ModelRecord failed = store.model("circuit-board", "3").orElseThrow();
        assertThat(failed.status()).isEqualTo("TRAINING_FAILED");
        assertThat(failed.statusMessage()).contains("too few anomalous images");
        assertThat(failed.evaluated()).isFalse();
    }

    @Test
    void aBackfillOfAModelUsesTheCatalog() {
        account.saveDescription("circuit-board", "1");

        assertThat(ingest(Invoke.event("backfill-model.json")).path("outcome").asText()).isEqualTo("STORED");
    }

    @Test
    void aBackfillOfAModelTheCatalogLacksIsRejected() {
        JsonNode result = ingest(Invoke.event("backfill-model.json"));

        assertThat(result.path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(result.path("reason").asText()).contains("circuit-board/1 not found");
    }

    @Test
    void aBackfillOfAFolderIngestsEveryManifestInIt() {
        JsonNode result = ingest(Invoke.event("backfill-folder.json"));

        assertThat(result.path("outcome").asText()).isEqualTo("STORED");
        assertThat(result.path("models")).extracting(m -> m.path("version").asText())
                .containsExactlyInAnyOrder("1", "2");
    }

    @Test
    void aBackfillOfExplicitArtifactsIngestsASegmentationModel() throws Exception {
        JsonNode result = ingest(Invoke.event("backfill-artifacts.json"));

        assertThat(result.path("outcome").asText()).isEqualTo("STORED");
        assertThat(result.path("project").asText()).isEqualTo("cookies");
        JsonNode summary = Json.mapper().readTree(store.model("cookies", "1").orElseThrow().summaryJson());
        assertThat(summary.path("labels")).extracting(l -> l.path("name").asText()).contains("scratch", "crack");
        // The masks were read from S3: the same figures as from the sample's folder, beside the reported ones.
        Summary local = Samples.summary("cookies", "1");
        try (InputStream in = Samples.open("cookies/output/EvaluationManifest-cookies-1.json")) {
            local = new MaskEvaluation(new FolderMasks(Samples.artifactsFolder(), Samples.artifactsFolder()
                    .resolve("lfv-samples/cookies/output")), 1).apply(local, in, "local");
        }
        for (LabelMetrics label : local.labels()) {
            JsonNode stored = summary.path("labels").findParents("name").stream()
                    .filter(l -> l.path("name").asText().equals(label.name())).findFirst().orElseThrow();
            assertThat(Json.mapper().treeToValue(stored.path("fromMasks"), MaskFigures.class))
                    .isEqualTo(label.fromMasks());
            assertThat(stored.path("f1Score").asDouble()).as("the service's figure stays")
                    .isEqualTo(label.f1Score());
        }
        assertThat(summary.at("/masks/masksRead").asLong()).isEqualTo(142);
        assertThat(summary.at("/masks/unmappedPixels").asLong()).isZero();
    }

    @Test
    void aSegmentationModelWhoseMaskIsGoneIsRejectedNamingTheLineAndTheMaskAndNothingIsStored() {
        String manifest = Samples.text("cookies/output/EvaluationManifest-cookies-1.json");
        String[] lines = manifest.split("\r?\n");
        int line = 0;
        String mask = null;
        while (mask == null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"anomaly-mask-ref\":\"(s3://[^\"]+)\"")
                    .matcher(lines[line++]);
            mask = m.find() ? m.group(1) : null;
        }
        String key = mask.substring(("s3://" + TestAccount.ARTIFACTS + "/").length());
        account.s3().deleteObject(b -> b.bucket(TestAccount.ARTIFACTS).key(key));

        JsonNode result = ingest(Invoke.event("backfill-artifacts.json"));

        assertThat(result.path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(result.path("reason").asText()).isEqualTo("s3://" + TestAccount.ARTIFACTS
                + "/cookies/output/EvaluationManifest-cookies-1.json:" + line + ": mask " + mask + ": no such file ("
                + mask + ")");
        assertThat(store.model("cookies", "1")).isEmpty();
    }

    @Test
    void aMissingObjectIsRejectedNotRetried() {
        JsonNode result = ingest(objectCreated(TestAccount.ARTIFACTS, "gone/EvaluationManifest-ghost-1.json"));

        assertThat(result.path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(result.path("reason").asText())
                .contains("s3://lfv-samples/gone/EvaluationManifest-ghost-1.json", "no such object");
    }

    @Test
    void anObjectInABucketTheConfigurationDoesNotAllowIsRejectedUnread() {
        account.createBucket("someone-elses");
        account.put("someone-elses", "EvaluationManifest-circuit-board-1.json",
                Samples.text(PCB + "EvaluationManifest-circuit-board-1.json"));

        JsonNode result = ingest(objectCreated("someone-elses", "EvaluationManifest-circuit-board-1.json"));

        assertThat(result.path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(result.path("reason").asText()).contains("someone-elses", "ARTIFACTS_BUCKETS");
        assertThat(modelItems("circuit-board")).isEmpty();
    }

    @Test
    void aMalformedManifestIsRejectedNamingItsLineAndNothingIsStored() {
        String manifest = Samples.text(PCB + "EvaluationManifest-circuit-board-1.json");
        String broken = manifest.lines().findFirst().orElseThrow() + "\n{\"source-ref\": \"s3://x/y.jpg\", oops\n";
        account.put(TestAccount.ARTIFACTS, "bad/EvaluationManifest-circuit-board-1.json", broken);

        JsonNode result = ingest(objectCreated(TestAccount.ARTIFACTS, "bad/EvaluationManifest-circuit-board-1.json"));

        assertThat(result.path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(result.path("reason").asText())
                .contains("s3://lfv-samples/bad/EvaluationManifest-circuit-board-1.json:2");
        assertThat(modelItems("circuit-board")).isEmpty();
    }

    @Test
    void aMalformedResultIsRejectedNamingIt() {
        account.put(TestAccount.ARTIFACTS, "bad/EvaluationManifest-circuit-board-1.json",
                Samples.text(PCB + "EvaluationManifest-circuit-board-1.json"));
        account.put(TestAccount.ARTIFACTS, "bad/EvaluationResult-circuit-board-1.json", "{\"Version\": 1, ");

        JsonNode result = ingest(objectCreated(TestAccount.ARTIFACTS, "bad/EvaluationResult-circuit-board-1.json"));

        assertThat(result.path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(result.path("reason").asText())
                .contains("s3://lfv-samples/bad/EvaluationResult-circuit-board-1.json");
    }

    @Test
    void anEventThatIsNotJsonIsRejected() {
        assertThat(ingest("not json").path("outcome").asText()).isEqualTo("REJECTED");
    }

    @Test
    void aLargeManifestIsStoredTrimmedWithEveryImageInTheDetails() {
        account.put(TestAccount.ARTIFACTS, "big/EvaluationManifest-big-line-4.json",
                Manifests.classification("big-line", "4", 20_000, 11));

        JsonNode result = ingest(objectCreated(TestAccount.ARTIFACTS, "big/EvaluationManifest-big-line-4.json"));

        assertThat(result.path("outcome").asText()).isEqualTo("STORED");
        ModelRecord model = store.model("big-line", "4").orElseThrow();
        assertThat(model.summaryJson().length()).isLessThan(100_000);
        assertThat(account.get(TestAccount.DETAILS, "lfv-metrics/big-line/4/images.jsonl").lines()).hasSize(20_000);
    }

    @Test
    void anUnreachableServiceIsATransientFailureThatPropagatesForLambdaToRetry() {
        AwsClients dead = new AwsClients(TestAccount.REGION, URI.create("http://127.0.0.1:9"),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
        IngestHandler unreachable = new IngestHandler(IngestHandler.build(new Wiring(config, dead)));

        assertThatThrownBy(() -> Invoke.handler(unreachable, Invoke.event("s3-object-created-manifest.json")))
                .isInstanceOf(SdkClientException.class);
    }

    @Test
    void aPermanentAwsErrorIsRejectedWithItsCode() {
        Config missingBucket = account.createStackConfig(Map.of("ARTIFACTS_BUCKETS", "lfv-samples,vanished"),
                config);
        IngestHandler handler = new IngestHandler(IngestHandler.build(account.wiring(missingBucket)));

        JsonNode result = Invoke.handler(handler, objectCreated("vanished", "EvaluationManifest-circuit-board-1.json"));

        assertThat(result.path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(result.path("reason").asText()).contains("404", "NoSuchBucket");
    }

    @Test
    void theUnversionedNamingFormTakesTheModelFromTheArns() {
        account.put(TestAccount.ARTIFACTS, "plain/EvaluationManifest-circuit-board.json",
                Samples.text(PCB + "EvaluationManifest-circuit-board-2.json"));
        account.put(TestAccount.ARTIFACTS, "plain/EvaluationResult-circuit-board.json",
                Samples.text(PCB + "EvaluationResult-circuit-board-2.json"));

        JsonNode result = ingest(objectCreated(TestAccount.ARTIFACTS, "plain/EvaluationResult-circuit-board.json"));

        assertThat(result.path("outcome").asText()).isEqualTo("STORED");
        assertThat(result.path("project").asText()).isEqualTo("circuit-board");
        assertThat(result.path("version").asText()).isEqualTo("2");
        assertThat(store.model("circuit-board", "2").orElseThrow().summaryJson())
                .contains("s3://lfv-samples/plain/EvaluationResult-circuit-board.json");
    }

    @Test
    void aVersionedResultFindsAnUnversionedManifestBesideIt() {
        account.put(TestAccount.ARTIFACTS, "mixed/EvaluationManifest-circuit-board.json",
                Samples.text(PCB + "EvaluationManifest-circuit-board-1.json"));
        account.put(TestAccount.ARTIFACTS, "mixed/EvaluationResult-circuit-board-1.json",
                Samples.text(PCB + "EvaluationResult-circuit-board-1.json"));

        JsonNode result = ingest(objectCreated(TestAccount.ARTIFACTS, "mixed/EvaluationResult-circuit-board-1.json"));

        assertThat(result.path("outcome").asText()).isEqualTo("STORED");
        assertThat(store.model("circuit-board", "1").orElseThrow().source())
                .isEqualTo("s3://lfv-samples/mixed/EvaluationManifest-circuit-board.json");
    }

    @Test
    void withoutArnsTheVersionedFileNameNamesTheModelAndWithoutEitherItIsRejected() {
        String anonymous = Manifests.classification("x", "1", 50, 3).replaceAll(
                ",\"model-arn\":\"[^\"]*\",\"project-name\":\"[^\"]*\",\"model-version\":\"[^\"]*\"", "");
        assertThat(anonymous).doesNotContain("model-arn");
        account.put(TestAccount.ARTIFACTS, "anon/EvaluationManifest-line-7-3.json", anonymous);
        account.put(TestAccount.ARTIFACTS, "anon/EvaluationManifest-nameless.json", anonymous);

        JsonNode named = ingest(objectCreated(TestAccount.ARTIFACTS, "anon/EvaluationManifest-line-7-3.json"));
        JsonNode nameless = ingest(objectCreated(TestAccount.ARTIFACTS, "anon/EvaluationManifest-nameless.json"));

        assertThat(named.path("outcome").asText()).isEqualTo("STORED");
        assertThat(named.path("project").asText()).isEqualTo("line-7");
        assertThat(named.path("version").asText()).isEqualTo("3");
        assertThat(nameless.path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(nameless.path("reason").asText()).contains("cannot tell which model");
    }
}
