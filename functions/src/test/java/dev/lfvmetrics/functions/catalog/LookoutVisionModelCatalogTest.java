package dev.lfvmetrics.functions.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lfvmetrics.core.format.ModelDescription;
import dev.lfvmetrics.functions.artifacts.Failures;
import dev.lfvmetrics.functions.config.AwsClients;
import dev.lfvmetrics.functions.watch.WatchResult;
import dev.lfvmetrics.functions.watch.WatchService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lookoutvision.model.ThrottlingException;

/**
 * The live adapter against a local HTTP server that answers like the DescribeModel API (REST-JSON, errors named in
 * the x-amzn-ErrorType header), since no emulator implements Lookout for Vision.
 */
class LookoutVisionModelCatalogTest {

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private LookoutVisionModelCatalog catalog;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        AwsClients clients = new AwsClients("us-east-1", endpoint,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
        catalog = new LookoutVisionModelCatalog(clients.lookoutVision());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(exchange.getRequestMethod() + " " + path + " "
                + exchange.getRequestHeaders().getFirst("Authorization"));
        switch (path) {
            case "/2020-11-20/projects/circuit-board/models/1" -> send(exchange, 200, null, "describe-model-trained");
            case "/2020-11-20/projects/circuit-board/models/3" -> send(exchange, 200, null, "describe-model-failed");
            case "/2020-11-20/projects/circuit-board/models/4" -> send(exchange, 200, null, "describe-model-training");
            case "/2020-11-20/projects/circuit-board/models/7" ->
                    send(exchange, 429, "ThrottlingException", "error-throttling");
            case "/2020-11-20/projects/circuit-board/models/8" ->
                    send(exchange, 500, "InternalServerException", "error-internal");
            default -> send(exchange, 404, "ResourceNotFoundException", "error-not-found");
        }
    }

    private static void send(HttpExchange exchange, int status, String errorType, String fixture) throws IOException {
        byte[] body;
        try (InputStream in = LookoutVisionModelCatalogTest.class.getResourceAsStream(
                "/lookoutvision/" + fixture + ".json")) {
            body = in.readAllBytes();
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("x-amzn-RequestId", "5e2a8b1c-0000-4000-8000-000000000000");
        if (errorType != null) {
            exchange.getResponseHeaders().add("x-amzn-ErrorType", errorType);
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Test
    void aTrainedModelIsReadWithItsArtifactsFromASignedGet() {
        DescribedModel described = catalog.describe("circuit-board", "1");

        ModelDescription d = described.description();
        assertThat(d.status()).isEqualTo("TRAINED");
        assertThat(d.modelArn()).isEqualTo("arn:aws:lookoutvision:us-east-1:123456789012:model/circuit-board/1");
        assertThat(d.projectName()).isEqualTo("circuit-board");
        assertThat(d.evaluationManifest()).isEqualTo(new ModelDescription.S3Object("lfv-samples",
                "circuit-board/output/EvaluationManifest-circuit-board-1.json"));
        assertThat(d.evaluationResult().key()).endsWith("EvaluationResult-circuit-board-1.json");
        assertThat(d.performance().f1Score()).isEqualTo(0.95082);
        assertThat(d.creationTimestamp()).startsWith("2024-03-14T");
        assertThat(described.trained()).isTrue();
        assertThat(requests).singleElement().asString()
                .startsWith("GET /2020-11-20/projects/circuit-board/models/1 AWS4-HMAC-SHA256 ");
    }

    @Test
    void aFailedTrainingIsFinalWithItsMessage() {
        WatchResult result = new WatchService(catalog).watch("circuit-board", "3");

        assertThat(result).isEqualTo(new WatchResult("circuit-board", "3", "TRAINING_FAILED",
                "The dataset has too few anomalous images in the test dataset.", true));
    }

    @Test
    void aModelStillTrainingIsNotFinal() {
        WatchResult result = new WatchService(catalog).watch("circuit-board", "4");

        assertThat(result.status()).isEqualTo("TRAINING");
        assertThat(result.isFinal()).isFalse();
    }

    @Test
    void anUnknownModelIsAPermanentNotFoundAskedOnce() {
        assertThatThrownBy(() -> catalog.describe("circuit-board", "9"))
                .isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining("circuit-board/9");
        assertThat(requests).hasSize(1);
    }

    @Test
    void throttlingIsRetryableAndRetriedByTheSdkBeforeItSurfaces() {
        assertThatThrownBy(() -> catalog.describe("circuit-board", "7"))
                .isInstanceOfSatisfying(ThrottlingException.class, e -> {
                    assertThat(e.isThrottlingException()).isTrue();
                    assertThat(Failures.isTransient(e)).isTrue();
                });
        assertThat(requests).hasSizeGreaterThan(1);
    }

    @Test
    void aServerErrorIsRetryable() {
        assertThatThrownBy(() -> catalog.describe("circuit-board", "8"))
                .isInstanceOfSatisfying(SdkException.class, e -> assertThat(Failures.isTransient(e)).isTrue());
        assertThat(requests).hasSizeGreaterThan(1);
    }

    @Test
    void theWatcherRefusesAMalformedVersionBeforeCallingTheApi() {
        assertThatThrownBy(() -> new WatchService(catalog).watch("circuit-board", "0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version '0'");
        assertThat(requests).isEmpty();
    }
}
