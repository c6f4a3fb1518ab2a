package dev.lfvmetrics.functions.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.core.policy.Breach;
import dev.lfvmetrics.functions.artifacts.StoredImages;
import dev.lfvmetrics.functions.config.Config;
import dev.lfvmetrics.functions.config.Wiring;
import dev.lfvmetrics.functions.ingest.IngestHandler;
import dev.lfvmetrics.functions.store.AlertState;
import dev.lfvmetrics.functions.store.DynamoDbModelStore;
import dev.lfvmetrics.functions.store.ModelRecord;
import dev.lfvmetrics.functions.testing.Invoke;
import dev.lfvmetrics.functions.testing.MotoExtension;
import dev.lfvmetrics.functions.testing.Samples;
import dev.lfvmetrics.functions.testing.StreamTail;
import dev.lfvmetrics.functions.testing.TestAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

@ExtendWith(MotoExtension.class)
class AlertIT {

    private TestAccount account;
    private Config config;
    private IngestHandler ingest;
    private AlertHandler alerts;
    private StreamTail stream;
    private DynamoDbModelStore store;
    private SqsClient sqs;
    private String queue;

    @BeforeEach
    void setUp() {
        account = new TestAccount();
        config = account.createStack(Map.of("DEFAULT_POLICY", Invoke.event("thresholds.json")));
        account.uploadSamples();
        Wiring wiring = account.wiring(config);
        ingest = new IngestHandler(IngestHandler.build(wiring));
        alerts = new AlertHandler(AlertHandler.build(wiring));
        stream = new StreamTail(account);
        store = new DynamoDbModelStore(account.dynamo(), TestAccount.TABLE);
        sqs = account.sqs();
        queue = account.subscribeQueue(config.topicArn(), "alerts");
    }

    private void ingestVersion(String version) {
        String event = Invoke.event("s3-object-created-manifest.json")
                .replace("EvaluationManifest-circuit-board-1.json", "EvaluationManifest-circuit-board-" + version
                        + ".json");
        assertThat(Invoke.handler(ingest, event).path("outcome").asText()).isEqualTo("STORED");
    }

    private List<JsonNode> published() {
        List<JsonNode> envelopes = new ArrayList<>();
        List<Message> batch;
        do {
            batch = sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10)).messages();
            for (Message m : batch) {
                envelopes.add(parse(m.body()));
                sqs.deleteMessage(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle()));
            }
        } while (!batch.isEmpty());
        return envelopes;
    }

    private static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Alert> expectedAlerts(String version) {
        ModelRecord model = store.model("circuit-board", version).orElseThrow();
        return AlertHandler.build(account.wiring(config)).alertsFor(model);
    }

    @Test
    void givenInvalidDefaultPolicy_whenAFailedTrainingArrives_thenItsAlertStillGoesOutAndJudgingNamesThePolicy() {
        Config broken = account.createStackConfig(Map.of("DEFAULT_POLICY", "{\"minimums\":{\"f1\":0.8}}"), config);
        AlertService service = AlertHandler.build(account.wiring(broken));
        Invoke.handler(ingest, Invoke.event("watcher-training-failed.json"));
        ingestVersion("1");

        int sent = service.process(store.model("circuit-board", "3").orElseThrow());

        assertThat(sent).isEqualTo(1);
        assertThatThrownBy(() -> service.process(store.model("circuit-board", "1").orElseThrow()))
                .isInstanceOf(InvalidPolicyException.class)
                .hasMessageStartingWith("DEFAULT_POLICY: minimums.f1: unknown metric");
    }

    @Test
    void aWorseVersionRaisesOneMessageListingEveryBreachWithItsTestOnTheStoredImages() {
        ingestVersion("1");
        ingestVersion("2");

        StreamsEventResponse response = alerts.handleRequest(stream.next(), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(expectedAlerts("1")).isEmpty();
        List<Alert> expected = expectedAlerts("2");
        assertThat(expected).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("REGRESSION");
            assertThat(a.breaches()).extracting(b -> b.kind()).contains("MINIMUM", "REGRESSION");
        });
        Alert alert = expected.get(0);
        JsonNode envelope = published().stream().reduce((a, b) -> {
            throw new AssertionError("more than one message: " + a + " and " + b);
        }).orElseThrow();
        assertThat(envelope.path("Subject").asText()).startsWith("[lfv-metrics] circuit-board v2: "
                + alert.breaches().size() + " breaches: ").hasSizeLessThan(100).doesNotContain("\n");
        String body = envelope.path("Message").asText();
        assertThat(body).contains("Project: circuit-board", "Model version: 2", alert.breaches().size() + " breaches:");
        for (Breach b : alert.breaches()) {
            assertThat(body).contains(b.message());
        }
        // The previous version's per-image results were read back from the details bucket: the drop was tested.
        Breach recall = alert.breaches().stream().filter(b -> b.key().equals("REGRESSION#recall")).findFirst()
                .orElseThrow();
        assertThat(recall.evidence().method()).isEqualTo("mcnemar");
        assertThat(recall.evidence().pValue()).isLessThan(0.05);
        assertThat(body).contains("Method: mcnemar, 95 %, p = ");
        JsonNode attributes = envelope.path("MessageAttributes");
        assertThat(attributes.path("project").path("Value").asText()).isEqualTo("circuit-board");
        assertThat(attributes.path("project").path("Type").asText()).isEqualTo("String");
        assertThat(attributes.path("severity").path("Value").asText()).isEqualTo("high");
        assertThat(attributes.path("kind").path("Value").asText()).isEqualTo("REGRESSION");
        assertThat(store.alertState("circuit-board", "2", alert.key())).contains(AlertState.SENT);
    }

    /** Version 3: version 1's files with {@code missed} of its found anomalies now predicted normal. */
    private void uploadVersion3Missing(int missed) {
        String folder = "circuit-board/output/";
        for (String kind : List.of("EvaluationResult", "DescribeModel")) {
            account.put(TestAccount.ARTIFACTS, folder + kind + "-circuit-board-3.json", version3(Samples.text(
                    folder + kind + "-circuit-board-1.json")));
        }
        StringBuilder manifest = new StringBuilder();
        int flipped = 0;
        for (String line : Samples.text(folder + "EvaluationManifest-circuit-board-1.json").split("\n")) {
            String found = "\"anomaly-label\":1,";
            if (flipped < missed && line.contains(found) && line.contains("\"anomaly-label-detected\":1,")) {
                line = line.replace("\"anomaly-label-detected\":1,", "\"anomaly-label-detected\":0,")
                        .replaceFirst("(\"anomaly-label-detected-metadata\":\\{\"class-name\":)\"anomaly\"",
                                "$1\"normal\"");
                flipped++;
            }
            manifest.append(version3(line)).append('\n');
        }
        assertThat(flipped).isEqualTo(missed);
        account.put(TestAccount.ARTIFACTS, folder + "EvaluationManifest-circuit-board-3.json", manifest.toString());
    }

    private static String version3(String text) {
        return text.replace("circuit-board/1", "circuit-board/3").replace("circuit-board-1", "circuit-board-3")
                .replace("\"ModelVersion\": \"1\"", "\"ModelVersion\": \"3\"")
                .replace("\"model-version\":\"1\"", "\"model-version\":\"3\"");
    }

    @Test
    void givenOnlyAnInconclusiveDrop_whenTheVersionArrives_thenNoMessageAndTheVerdictListsIt() {
        Config drops = account.createStackConfig(Map.of("DEFAULT_POLICY", "{\"maximumDrops\":{\"recall\":0.05}}"),
                config);
        AlertService service = AlertHandler.build(account.wiring(drops));
        Verdicts verdicts = new Verdicts(store, drops.defaultPolicy(), new StoredImages(account.wiring(drops)
                .objects(), drops.detailsBucket()));
        uploadVersion3Missing(4);
        ingestVersion("1");
        ingestVersion("3");
        ModelRecord v3 = store.model("circuit-board", "3").orElseThrow();

        assertThat(service.alertsFor(v3)).isEmpty();
        assertThat(service.process(v3)).isZero();
        assertThat(published()).isEmpty();
        Verdict verdict = verdicts.judge(v3);
        assertThat(verdict.badge()).isEqualTo(Verdict.PASS);
        // 4 of 60 anomalous images missed, none found anew: McNemar p = 2 / 16, no evidence at 95 %.
        assertThat(verdict.inconclusive()).singleElement().satisfies(b -> {
            assertThat(b.key()).isEqualTo("INCONCLUSIVE#recall");
            assertThat(b.evidence().baseOnlyRight()).isEqualTo(4);
            assertThat(b.evidence().candidateOnlyRight()).isZero();
            assertThat(b.evidence().pValue()).isEqualTo(0.125);
        });
    }

    @Test
    void givenADashboardUrl_whenAVersionBreaches_thenTheMessageLinksToItsPage() {
        Config linked = account.createStackConfig(Map.of("DEFAULT_POLICY", Invoke.event("thresholds.json"),
                "DASHBOARD_URL", "http://127.0.0.1:8080/ui"), config);
        AlertService service = AlertHandler.build(account.wiring(linked));
        ingestVersion("1");
        ingestVersion("2");

        Alert alert = service.alertsFor(store.model("circuit-board", "2").orElseThrow()).get(0);
        service.process(store.model("circuit-board", "2").orElseThrow());

        assertThat(alert.link()).isEqualTo("http://127.0.0.1:8080/ui/#/p/circuit-board/v/2");
        assertThat(published()).singleElement().satisfies(m -> assertThat(m.path("Message").asText())
                .contains("Dashboard: http://127.0.0.1:8080/ui/#/p/circuit-board/v/2"));
    }


    @Test
    void aRedeliveredStreamBatchPublishesNothingTwice() {
        ingestVersion("1");
        ingestVersion("2");
        DynamodbEvent batch = stream.next();
        alerts.handleRequest(batch, null);
        int first = published().size();

        StreamsEventResponse again = alerts.handleRequest(batch, null);

        assertThat(first).isPositive();
        assertThat(again.getBatchItemFailures()).isEmpty();
        assertThat(published()).isEmpty();
    }

    @Test
    void theSameEvaluationIngestedTwiceWritesNoSecondStreamRecordForTheModel() {
        ingestVersion("1");
        stream.next();
        String event = Invoke.event("s3-object-created-result.json");

        assertThat(Invoke.handler(ingest, event).path("outcome").asText()).isEqualTo("DUPLICATE");

        assertThat(stream.next().getRecords()).noneMatch(r -> AlertHandler.changedModel(r) != null);
    }

    @Test
    void aFailedTrainingRaisesOneCriticalAlertWithItsStatusMessage() {
        Invoke.handler(ingest, Invoke.event("watcher-training-failed.json"));

        alerts.handleRequest(stream.next(), null);

        List<JsonNode> messages = published();
        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m.path("Subject").asText()).isEqualTo("[lfv-metrics] circuit-board v3: training failed");
            assertThat(m.path("Message").asText()).contains("too few anomalous images");
            assertThat(m.path("MessageAttributes").path("severity").path("Value").asText()).isEqualTo("critical");
            assertThat(m.path("MessageAttributes").path("kind").path("Value").asText())
                    .isEqualTo("TRAINING_FAILED");
        });
    }

    @Test
    void aFailedPublishIsReportedStaysPendingAndIsPublishedOnceOnRedelivery() {
        ingestVersion("1");
        ingestVersion("2");
        DynamodbEvent batch = stream.next();
        List<Alert> expected = expectedAlerts("2");
        account.sns().deleteTopic(b -> b.topicArn(config.topicArn()));

        StreamsEventResponse failed = alerts.handleRequest(batch, null);

        assertThat(failed.getBatchItemFailures()).hasSize(1);
        String v2Sequence = batch.getRecords().stream()
                .filter(r -> {
                    ModelRecord m = AlertHandler.changedModel(r);
                    return m != null && m.version().equals("2");
                })
                .findFirst().orElseThrow().getDynamodb().getSequenceNumber();
        assertThat(failed.getBatchItemFailures().get(0).getItemIdentifier()).isEqualTo(v2Sequence);
        assertThat(store.alertState("circuit-board", "2", expected.get(0).key())).contains(AlertState.PENDING);
        assertThat(published()).isEmpty();

        String topicArn = account.sns().createTopic(b -> b.name("lfv-alerts")).topicArn();
        assertThat(topicArn).isEqualTo(config.topicArn());
        queue = account.subscribeQueue(topicArn, "alerts-after");
        StreamsEventResponse retried = alerts.handleRequest(batch, null);

        assertThat(retried.getBatchItemFailures()).isEmpty();
        assertThat(published()).hasSize(expected.size());
        alerts.handleRequest(batch, null);
        assertThat(published()).isEmpty();
    }

    @Test
    void aProjectsOwnPolicyReplacesTheDefault() {
        store.putPolicy("circuit-board", "{\"minimums\":{\"f1Score\":0.5}}");
        ingestVersion("1");
        ingestVersion("2");

        alerts.handleRequest(stream.next(), null);

        assertThat(published()).isEmpty();
    }
}
