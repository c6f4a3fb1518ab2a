package dev.lfvmetrics.functions.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.functions.artifacts.S3Uri;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class IngestEventsTest {

    static JsonNode event(String name) {
        try (InputStream in = IngestEventsTest.class.getResourceAsStream("/events/" + name)) {
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anS3ObjectCreatedEventForAResultIsAnArtifactToIngest() {
        IngestRequest request = IngestEvents.parse(event("s3-object-created-result.json"));

        assertThat(request).isEqualTo(new IngestRequest.ObjectCreated(
                new S3Uri("lfv-samples", "circuit-board/output/EvaluationResult-circuit-board-1.json")));
    }

    @Test
    void anS3ObjectCreatedEventForAManifestIsAnArtifactToIngest() {
        IngestRequest request = IngestEvents.parse(event("s3-object-created-manifest.json"));

        assertThat(request).isInstanceOfSatisfying(IngestRequest.ObjectCreated.class,
                created -> assertThat(created.object().fileName())
                        .isEqualTo("EvaluationManifest-circuit-board-1.json"));
    }

    @Test
    void anS3EventForAnotherFileIsIgnored() {
        ObjectNode event = (ObjectNode) event("s3-object-created-result.json");
        ((ObjectNode) event.path("detail").path("object")).put("key", "circuit-board/train/image-001.jpg");

        assertThat(IngestEvents.parse(event)).isInstanceOfSatisfying(IngestRequest.Unsupported.class, u -> {
            assertThat(u.outcome()).isEqualTo(IngestOutcome.IGNORED);
            assertThat(u.reason()).contains("image-001.jpg");
        });
    }

    @Test
    void anS3EventWithoutItsBucketIsRejectedNamingTheField() {
        ObjectNode event = (ObjectNode) event("s3-object-created-result.json");
        ((ObjectNode) event.path("detail")).remove("bucket");

        assertThat(IngestEvents.parse(event)).isInstanceOfSatisfying(IngestRequest.Unsupported.class, u -> {
            assertThat(u.outcome()).isEqualTo(IngestOutcome.REJECTED);
            assertThat(u.reason()).contains("detail.bucket.name");
        });
    }

    @Test
    void theWatchersEventsCarryTheModelAndItsStatus() {
        assertThat(IngestEvents.parse(event("watcher-trained.json"))).isEqualTo(new IngestRequest.TrainingFinished(
                "circuit-board", "2", "TRAINED", "Training completed successfully."));
        assertThat(IngestEvents.parse(event("watcher-training-failed.json")))
                .isInstanceOfSatisfying(IngestRequest.TrainingFinished.class, f -> {
                    assertThat(f.status()).isEqualTo("TRAINING_FAILED");
                    assertThat(f.statusMessage()).contains("too few anomalous images");
                });
    }

    @Test
    void aWatcherEventWithABadVersionIsRejectedNamingIt() {
        ObjectNode event = (ObjectNode) event("watcher-trained.json");
        ((ObjectNode) event.path("detail")).put("version", "02");

        assertThat(IngestEvents.parse(event)).isInstanceOfSatisfying(IngestRequest.Unsupported.class, u -> {
            assertThat(u.outcome()).isEqualTo(IngestOutcome.REJECTED);
            assertThat(u.reason()).contains("detail.version '02'");
        });
    }

    @Test
    void theThreeBackfillFormsAreRecognised() {
        assertThat(IngestEvents.parse(event("backfill-model.json")))
                .isEqualTo(new IngestRequest.BackfillModel("circuit-board", "1"));
        assertThat(IngestEvents.parse(event("backfill-folder.json")))
                .isEqualTo(new IngestRequest.BackfillFolder("lfv-samples", "circuit-board/output/"));
        assertThat(IngestEvents.parse(event("backfill-artifacts.json"))).isEqualTo(new IngestRequest.Artifacts(
                S3Uri.parse("s3://lfv-samples/cookies/output/EvaluationManifest-cookies-1.json"),
                S3Uri.parse("s3://lfv-samples/cookies/output/EvaluationResult-cookies-1.json"),
                S3Uri.parse("s3://lfv-samples/cookies/output/DescribeModel-cookies-1.json")));
    }

    @Test
    void aBackfillWithABrokenUriIsRejectedNamingIt() {
        ObjectNode event = (ObjectNode) event("backfill-artifacts.json");
        ((ObjectNode) event.path("detail")).put("manifest", "https://example.com/m.json");

        assertThat(IngestEvents.parse(event)).isInstanceOfSatisfying(IngestRequest.Unsupported.class, u -> {
            assertThat(u.outcome()).isEqualTo(IngestOutcome.REJECTED);
            assertThat(u.reason()).contains("https://example.com/m.json");
        });
    }

    @Test
    void theCreateModelCallIsLeftToTheWaitLoop() {
        assertThat(IngestEvents.parse(event("cloudtrail-create-model.json")))
                .isInstanceOfSatisfying(IngestRequest.Unsupported.class,
                        u -> assertThat(u.outcome()).isEqualTo(IngestOutcome.IGNORED));
    }

    @Test
    void foreignAndNonObjectEventsAreIgnoredOrRejected() {
        ObjectNode foreign = Json.mapper().createObjectNode().put("source", "aws.ec2")
                .put("detail-type", "EC2 Instance State-change Notification");

        assertThat(IngestEvents.parse(foreign)).isInstanceOfSatisfying(IngestRequest.Unsupported.class,
                u -> assertThat(u.outcome()).isEqualTo(IngestOutcome.IGNORED));
        assertThat(IngestEvents.parse(Json.mapper().createArrayNode()))
                .isInstanceOfSatisfying(IngestRequest.Unsupported.class,
                        u -> assertThat(u.outcome()).isEqualTo(IngestOutcome.REJECTED));
    }
}
