package dev.lfvmetrics.functions.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.functions.testing.Invoke;
import dev.lfvmetrics.functions.testing.MotoExtension;
import dev.lfvmetrics.functions.testing.TestAccount;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The rule patterns the stack uses (src/test/resources/eventbridge), proven against the sample events: each rule
 * sends its events to a queue, and only those.
 */
@ExtendWith(MotoExtension.class)
class EventPatternsIT {

    private EventBridgeClient events;
    private SqsClient sqs;

    @BeforeEach
    void setUp() {
        TestAccount account = new TestAccount();
        sqs = account.sqs();
        events = EventBridgeClient.builder().region(Region.of(TestAccount.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t")))
                .endpointOverride(MotoExtension.endpoint()).httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    private String ruleToQueue(String pattern) {
        String url = sqs.createQueue(b -> b.queueName(pattern)).queueUrl();
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNamesWithStrings("QueueArn"))
                .attributesAsStrings().get("QueueArn");
        events.putRule(b -> b.name(pattern).eventPattern(resource("/eventbridge/" + pattern + ".json")));
        events.putTargets(b -> b.rule(pattern).targets(t -> t.id("queue").arn(arn)));
        return url;
    }

    private void put(String eventJson) {
        JsonNode event = tree(eventJson);
        PutEventsResponse response = events.putEvents(b -> b.entries(e -> e
                .source(event.path("source").asText())
                .detailType(event.path("detail-type").asText())
                .detail(event.path("detail").toString())));
        assertThat(response.failedEntryCount()).isZero();
    }

    private List<JsonNode> received(String queue) {
        List<JsonNode> out = new ArrayList<>();
        List<Message> batch;
        do {
            batch = sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10)).messages();
            for (Message m : batch) {
                out.add(tree(m.body()));
                sqs.deleteMessage(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle()));
            }
        } while (!batch.isEmpty());
        return out;
    }

    @Test
    void theArtifactRuleTakesEvaluationFilesOfTheWatchedBucketOnly() {
        String queue = ruleToQueue("artifacts-created");

        put(Invoke.event("s3-object-created-result.json"));
        put(Invoke.event("s3-object-created-manifest.json"));
        put(Invoke.event("s3-object-created-result.json").replace(
                "circuit-board/output/EvaluationResult-circuit-board-1.json", "circuit-board/train/img-1.jpg"));
        put(Invoke.event("s3-object-created-result.json").replace("\"name\": \"lfv-samples\"",
                "\"name\": \"other\""));
        put(Invoke.event("watcher-trained.json"));

        assertThat(received(queue)).extracting(e -> e.path("detail").path("object").path("key").asText())
                .containsExactlyInAnyOrder("circuit-board/output/EvaluationResult-circuit-board-1.json",
                        "circuit-board/output/EvaluationManifest-circuit-board-1.json");
    }

    @Test
    void thePipelineRuleTakesWatcherAndBackfillEvents() {
        String queue = ruleToQueue("pipeline-events");

        for (String name : List.of("watcher-trained.json", "watcher-training-failed.json", "backfill-model.json",
                "backfill-folder.json", "backfill-artifacts.json", "s3-object-created-result.json",
                "cloudtrail-create-model.json")) {
            put(Invoke.event(name));
        }

        assertThat(received(queue)).extracting(e -> e.path("detail-type").asText()).containsExactlyInAnyOrder(
                "Model Training Finished", "Model Training Finished", "Backfill Requested", "Backfill Requested",
                "Backfill Requested");
    }

    @Test
    void theCreateModelRuleTakesTheCloudTrailCallOnly() {
        String queue = ruleToQueue("create-model");
        ObjectNode other = (ObjectNode) tree(Invoke.event("cloudtrail-create-model.json"));
        ((ObjectNode) other.path("detail")).put("eventName", "DeleteModel");

        put(Invoke.event("cloudtrail-create-model.json"));
        put(other.toString());
        put(Invoke.event("watcher-trained.json"));

        assertThat(received(queue)).singleElement().satisfies(e -> {
            assertThat(e.path("detail").path("requestParameters").path("projectName").asText())
                    .isEqualTo("circuit-board");
            assertThat(e.path("detail").path("responseElements").path("modelMetadata").path("modelVersion").asText())
                    .isEqualTo("2");
        });
    }

    private static JsonNode tree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = EventPatternsIT.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
