package dev.lfvmetrics.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lfvmetrics.cli.CliRun;
import dev.lfvmetrics.cli.Main;
import dev.lfvmetrics.core.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local mode on the bundled sample: the real ingest, alert and API services over an in-process S3. */
class LocalModeTest {

    private static final Path ROOT = CliRun.repositoryRoot();
    private static final Path ARTIFACTS = ROOT.resolve("events/artifacts");
    private static final Path THRESHOLDS = ROOT.resolve("events/thresholds.json");

    @TempDir
    Path state;

    @Test
    void ingestsEverySampleEvaluationAndKeepsTheStoreAcrossRuns() throws IOException {
        CliRun first = run("local", "--artifacts", ARTIFACTS.toString(), "--state", state.toString(),
                "--thresholds", THRESHOLDS.toString(), "--no-serve");

        assertThat(first.status()).as(first.err()).isEqualTo(Main.OK);
        assertThat(first.out()).contains("ingest circuit-board v1: STORED", "ingest circuit-board v2: STORED",
                "ingest cookies v1: STORED", "ingest screws v1: STORED", "ingest screws v1: UPDATED",
                "ingest screws v2: STORED", "ingest tiles v1: STORED", "ingest tiles v1: UPDATED",
                "ingest tiles v2: STORED", "ingest tiles v3: STORED");
        FileModelStore store = new FileModelStore(state.resolve("store.json"));
        assertThat(store.projects()).extracting(h -> h.project() + "@" + h.version())
                .containsExactly("circuit-board@2", "cookies@1", "screws@2", "tiles@3");
        assertThat(store.model("tiles", "3")).hasValueSatisfying(m -> assertThat(m.pending()).isTrue());
        assertThat(store.model("screws", "1")).hasValueSatisfying(m -> assertThat(m.evaluated()).isTrue());
        assertThat(store.model("screws", "2")).hasValueSatisfying(m -> assertThat(m.status())
                .isEqualTo("TRAINING_FAILED"));
        List<String> alerts = Files.readAllLines(state.resolve("alerts.jsonl"));
        assertThat(alerts).isNotEmpty();
        assertThat(first.out()).contains("ALERT [");

        CliRun second = run("local", "--artifacts", ARTIFACTS.toString(), "--state", state.toString(),
                "--thresholds", THRESHOLDS.toString(), "--no-serve");

        assertThat(second.status()).as(second.err()).isEqualTo(Main.OK);
        assertThat(second.out()).contains("ingest circuit-board v1: DUPLICATE", "ingest cookies v1: DUPLICATE",
                        "ingest screws v1: DUPLICATE", "ingest tiles v2: DUPLICATE")
                .doesNotContain("ALERT [");
        assertThat(Files.readAllLines(state.resolve("alerts.jsonl"))).isEqualTo(alerts);
    }

    @Test
    void alertsNameTheProjectAndCarryTheChatbotPayload() throws IOException {
        run("local", "--artifacts", ARTIFACTS.toString(), "--state", state.toString(),
                "--thresholds", THRESHOLDS.toString(), "--no-serve");

        for (String line : Files.readAllLines(state.resolve("alerts.jsonl"))) {
            JsonNode alert = Json.mapper().readTree(line);
            assertThat(alert.path("subject").asText()).hasSizeLessThan(100).doesNotContain("\n");
            assertThat(alert.path("attributes").path("project").asText()).isIn("circuit-board", "cookies", "screws",
                    "tiles");
            JsonNode chatbot = Json.mapper().readTree(alert.path("chatbot").asText());
            assertThat(chatbot.path("version").asText()).isEqualTo("1.0");
            assertThat(chatbot.path("source").asText()).isEqualTo("custom");
        }
    }

    @Test
    void givenSageMakersEventsAndTheBackfill_whenIngestedOneByOne_thenTheVersionsAreStoredAndJudged()
            throws IOException {
        Path events = ARTIFACTS.resolve("lfv-samples/sagemaker/events");

        CliRun run = run("local", "--artifacts", ARTIFACTS.toString(), "--state", state.toString(), "--no-serve",
                "--thresholds", THRESHOLDS.toString(),
                "--ingest", events.resolve("04-tiles-training-completed.json").toString(),
                "--ingest", events.resolve("05-tiles-transform-completed.json").toString(),
                "--ingest", events.resolve("06-tiles-backfill-v2.json").toString());

        assertThat(run.status()).as(run.err()).isEqualTo(Main.OK);
        // v2's drops are beyond their limits but within the noise of 20 anomalous images: mentioned, not alerted.
        assertThat(run.out()).contains("ingest tiles v1: STORED", "ingest tiles v1: UPDATED", "ingest tiles v2: STORED",
                "[lfv-metrics] tiles v2: 2 breaches: chip f1Score undefined", "Inconclusive drops (not breaches",
                "- recall dropped by 0.1000 from 1.0000 to 0.9000, more than the allowed 0.0500, but McNemar p = "
                        + "0.5000 (2 images right only before, 0 only now) cannot tell it from noise at 95 %");
        FileModelStore store = new FileModelStore(state.resolve("store.json"));
        assertThat(store.model("tiles", "1")).hasValueSatisfying(m -> {
            assertThat(m.evaluated()).isTrue();
            assertThat(m.trainingJson()).contains("tiles-segmentation-a1b2");
        });
        assertThat(store.model("tiles", "2")).hasValueSatisfying(m -> assertThat(m.evaluated()).isTrue());
        assertThat(store.projects()).extracting(h -> h.project()).containsExactly("tiles");
    }

    @Test
    void aFailedTrainingEventIsStoredAndAlerted() throws IOException {
        CliRun run = run("local", "--artifacts", ARTIFACTS.toString(), "--state", state.toString(), "--no-serve",
                "--ingest", ROOT.resolve("events/watcher-training-failed.json").toString());

        assertThat(run.status()).as(run.err()).isEqualTo(Main.OK);
        assertThat(new FileModelStore(state.resolve("store.json")).model("circuit-board", "3"))
                .hasValueSatisfying(m -> assertThat(m.status()).isEqualTo("TRAINING_FAILED"));
        assertThat(Files.readString(state.resolve("alerts.jsonl"))).contains("too few anomalous images");
    }

    @Test
    void servesTheQueryApiAndTheDashboardOverHttp() throws Exception {
        LocalSettings settings = new LocalSettings(ARTIFACTS, state, Files.readString(THRESHOLDS), null, "us-east-1",
                null);
        try (LocalPipeline pipeline = LocalPipeline.start(settings, new PrintWriter(new StringWriter()));
                LocalApiServer server = LocalApiServer.start(pipeline.api(), 0)) {
            LocalPipeline.sampleEvents(ARTIFACTS).forEach(pipeline::ingest);
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> projects = get(http, server.url().resolve("/projects"));
            HttpResponse<String> latest = get(http, server.url().resolve("/projects/circuit-board/models/latest"));
            HttpResponse<String> images = get(http,
                    server.url().resolve("/projects/circuit-board/models/1/images?outcome=incorrect&limit=5"));
            HttpResponse<String> unknown = get(http, server.url().resolve("/projects/nope/models/latest"));
            HttpResponse<String> page = get(http, server.url().resolve("/ui/"));

            assertThat(projects.statusCode()).isEqualTo(200);
            assertThat(Json.mapper().readTree(projects.body()).path("projects")).hasSize(4);
            JsonNode model = Json.mapper().readTree(latest.body());
            assertThat(model.path("version").asText()).isEqualTo("2");
            assertThat(model.path("summary").path("metrics").path("images").asLong()).isPositive();
            JsonNode incorrect = Json.mapper().readTree(images.body()).path("items");
            assertThat(incorrect).isNotEmpty().hasSizeLessThanOrEqualTo(5);
            incorrect.forEach(i -> assertThat(i.path("correct").asBoolean()).isFalse());
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(Json.mapper().readTree(unknown.body()).path("error").path("code").asText()).isNotBlank();
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                    .startsWith("text/html"));
        }
    }

    @Test
    void aMissingArtifactsFolderIsBadInputNamingIt() {
        CliRun run = run("local", "--artifacts", state.resolve("absent").toString(), "--state", state.toString(),
                "--no-serve");

        assertThat(run.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err()).contains("absent").contains("does not exist").doesNotContain("Exception");
    }

    @Test
    void anEventFileThatIsNotJsonIsBadInputNamingIt() throws IOException {
        Path broken = Files.writeString(state.resolve("broken.json"), "{not json", StandardCharsets.UTF_8);

        CliRun run = run("local", "--artifacts", ARTIFACTS.toString(), "--state", state.toString(), "--no-serve",
                "--ingest", broken.toString());

        assertThat(run.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err()).contains("broken.json").contains("not JSON");
    }

    private static HttpResponse<String> get(HttpClient http, URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }
}
