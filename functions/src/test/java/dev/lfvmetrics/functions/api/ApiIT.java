package dev.lfvmetrics.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lfvmetrics.contracts.Routes;
import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.functions.config.AwsClients;
import dev.lfvmetrics.functions.config.Config;
import dev.lfvmetrics.functions.config.Wiring;
import dev.lfvmetrics.functions.ingest.IngestHandler;
import dev.lfvmetrics.functions.ingest.IngestService;
import dev.lfvmetrics.functions.testing.Invoke;
import dev.lfvmetrics.functions.testing.MotoExtension;
import dev.lfvmetrics.functions.testing.Samples;
import dev.lfvmetrics.functions.testing.TestAccount;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(MotoExtension.class)
class ApiIT {

    private TestAccount account;
    private Config config;
    private ApiHandler api;

    @BeforeEach
    void setUp() {
        account = new TestAccount();
        config = account.createStack(Map.of("DEFAULT_POLICY", Invoke.event("thresholds.json"),
                "DASHBOARD_ENABLED", "true"));
        account.uploadSamples();
        IngestHandler ingest = new IngestHandler(IngestHandler.build(account.wiring(config)));
        for (String version : List.of("1", "2")) {
            Invoke.handler(ingest, Invoke.event("s3-object-created-manifest.json")
                    .replace("circuit-board-1.json", "circuit-board-" + version + ".json"));
        }
        Invoke.handler(ingest, Invoke.event("watcher-training-failed.json"));
        api = new ApiHandler(ApiHandler.build(account.wiring(config)));
    }

    private static APIGatewayV2HTTPEvent fixture(String name) {
        return EventLoader.loadApiGatewayHttpEvent("events/" + name);
    }

    private static APIGatewayV2HTTPEvent request(String method, String path, Map<String, String> query) {
        APIGatewayV2HTTPEvent event = fixture("api-get-projects.json");
        event.setRawPath(path);
        event.getRequestContext().getHttp().setMethod(method);
        event.getRequestContext().getHttp().setPath(path);
        event.setQueryStringParameters(query.isEmpty() ? null : new HashMap<>(query));
        return event;
    }

    private APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
        return api.handleRequest(event, null);
    }

    private APIGatewayV2HTTPResponse get(String path, Map<String, String> query) {
        return call(request("GET", path, query));
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return Json.mapper().readTree(response.getBody());
        } catch (Exception e) {
            throw new IllegalStateException(response.getBody(), e);
        }
    }

    private static void assertError(APIGatewayV2HTTPResponse response, int status, String messageStart) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("Content-Type", ApiResponse.JSON);
        JsonNode error = json(response).path("error");
        assertThat(error.path("code").asText()).isNotBlank();
        assertThat(error.path("message").asText()).startsWith(messageStart);
    }

    private void ingestSageMakerTiles() {
        Config sageMaker = account.createStackConfig(Map.of("SAGEMAKER_CATALOG", "s3"), config);
        String job = "sagemaker/DescribeTrainingJob-tiles-segmentation-a1b2.json";
        account.put(TestAccount.DESCRIPTIONS, job, Samples.text(job));
        IngestHandler ingest = new IngestHandler(IngestHandler.build(account.wiring(sageMaker)));
        for (String event : List.of("04-tiles-training-completed.json", "05-tiles-transform-completed.json",
                "07-tiles-v3-training-completed.json")) {
            JsonNode result = Invoke.handler(ingest, Invoke.event("artifacts/lfv-samples/sagemaker/events/" + event));
            assertThat(result.path("outcome").asText()).as(event).isIn("STORED", "UPDATED");
        }
    }

    private void ingestCookies() {
        account.uploadPictures("cookies");
        IngestHandler ingest = new IngestHandler(IngestHandler.build(account.wiring(config)));
        assertThat(Invoke.handler(ingest, Invoke.event("backfill-artifacts.json")).path("outcome").asText())
                .isEqualTo("STORED");
    }

    private static byte[] fetch(String url) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    @Test
    void givenASegmentationImage_whenItsViewIsAsked_thenPresignedLinksOpenTheImageAndBothMasksWithTheirLegends()
            throws Exception {
        ingestCookies();
        JsonNode items = json(get("/projects/cookies/models/1/images", Map.of("outcome", "all", "limit", "100")))
                .path("items");
        JsonNode anomalous = null;
        for (JsonNode item : items) {
            if (item.path("actual").asText().equals("anomaly") && item.path("predicted").asText().equals("anomaly")) {
                anomalous = item;
                break;
            }
        }
        assertThat(anomalous).isNotNull();
        String ref = anomalous.path("sourceRef").asText();
        String key = ref.substring(("s3://" + TestAccount.ARTIFACTS + "/").length());
        byte[] image = Samples.bytes(key);
        // The listing's thumbnail link opens the same bytes.
        assertThat(fetch(anomalous.path("imageUrl").asText())).isEqualTo(image);

        JsonNode view = json(get("/projects/cookies/models/1/images/" + anomalous.path("line").asLong(), Map.of()));

        assertThat(view.at("/image/sourceRef").asText()).isEqualTo(ref);
        assertThat(view.at("/files/image/url").asText()).contains("X-Amz-Signature=", "X-Amz-Expires=900");
        assertThat(fetch(view.at("/files/image/url").asText())).isEqualTo(image);
        String truth = view.at("/files/truthMask/ref").asText();
        assertThat(fetch(view.at("/files/truthMask/url").asText()))
                .isEqualTo(Samples.bytes(truth.substring(("s3://" + TestAccount.ARTIFACTS + "/").length())));
        assertThat(fetch(view.at("/files/predictedMask/url").asText())).isNotEmpty();
        assertThat(view.at("/legend/truth").findValuesAsText("label")).isNotEmpty()
                .isSubsetOf("scratch", "crack");
        assertThat(view.at("/legend/truth").findValuesAsText("colour")).isSubsetOf("#2ca02c", "#d62728");
    }

    @Test
    void givenImagesTheStackMayNotReadOrThatAreGone_whenTheirViewIsAsked_thenNoLinkButTheReason() {
        ingestCookies();
        Config other = account.createStackConfig(Map.of("ARTIFACTS_BUCKETS", "someone-elses"), config);
        ApiHandler narrow = new ApiHandler(ApiHandler.build(account.wiring(other)));
        APIGatewayV2HTTPEvent event = request("GET", "/projects/cookies/models/1/images/1", Map.of());

        JsonNode forbidden = json(narrow.handleRequest(event, null));
        JsonNode gone = json(get("/projects/circuit-board/models/1/images/1", Map.of()));

        assertThat(forbidden.at("/files/image/url").isNull()).isTrue();
        assertThat(forbidden.at("/files/image/reason").asText()).isEqualTo("bucket " + TestAccount.ARTIFACTS
                + " is not one the stack may read (artifactsBuckets)");
        assertThat(gone.at("/files/image/url").isNull()).isTrue();
        assertThat(gone.at("/files/image/reason").asText()).startsWith("no such object: s3://lfv-samples/"
                + "circuit-board/test/");
        assertThat(gone.at("/files/truthMask").isNull()).as("a classification model has no masks").isTrue();
        assertError(get("/projects/cookies/models/1/images/9999", Map.of()), 404, "no test image on line 9999");
        assertError(get("/projects/cookies/models/1/images/x", Map.of()), 400, "line: must be a manifest line");
    }

    @Test
    void givenEvaluatedSageMakerVersion_whenItsRegistryDocumentIsAsked_thenItCarriesTheSummarysFigures() {
        ingestSageMakerTiles();

        JsonNode model = json(get("/projects/tiles/models/1", Map.of()));
        APIGatewayV2HTTPResponse response = get("/projects/tiles/models/1/evaluation.json", Map.of());

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode doc = json(response).path("binary_classification_metrics");
        JsonNode metrics = model.path("summary").path("metrics");
        assertThat(doc.at("/confusion_matrix/1/1").asLong()).isEqualTo(metrics.path("truePositives").asLong());
        assertThat(doc.at("/confusion_matrix/0/1").asLong()).isEqualTo(metrics.path("falsePositives").asLong());
        assertThat(doc.at("/f1/value").asDouble()).isEqualTo(metrics.path("f1Score").asDouble());
        assertThat(doc.at("/auc/value").asDouble()).isEqualTo(metrics.path("rocAuc").asDouble());
        assertThat(model.path("training").path("name").asText()).isEqualTo("tiles-segmentation-a1b2");
        assertThat(model.path("summary").path("modelType").asText()).isEqualTo("SEGMENTATION");
    }

    @Test
    void givenTrainedVersionWithoutTransform_whenAsked_thenItIsPendingAndHasNoRegistryDocument() {
        ingestSageMakerTiles();

        JsonNode model = json(get("/projects/tiles/models/3", Map.of()));
        JsonNode projects = json(get("/projects", Map.of())).path("projects");

        assertThat(model.path("badge").asText()).isEqualTo("pending");
        assertThat(model.path("summary").isNull()).isTrue();
        assertThat(model.path("statusMessage").asText()).contains("evaluation pending");
        assertThat(model.path("training").path("modelType").asText()).isEqualTo("segmentation-robust");
        assertThat(projects.findValues("badge")).extracting(JsonNode::asText).contains("pending");
        assertError(get("/projects/tiles/models/3/evaluation.json", Map.of()), 404,
                "tiles version 3 has no evaluation (pending)");
    }

    @Test
    void theProjectListShowsTheLatestVersionWithBadgeAndHeadline() {
        APIGatewayV2HTTPResponse response = call(fixture("api-get-projects.json"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode project = json(response).path("projects").get(0);
        assertThat(project.path("project").asText()).isEqualTo("circuit-board");
        assertThat(project.path("latestVersion").asText()).isEqualTo("3");
        assertThat(project.path("status").asText()).isEqualTo("TRAINING_FAILED");
        assertThat(project.path("badge").asText()).isEqualTo("failed");
        assertThat(project.path("headline").path("f1Score").isNull()).isTrue();
    }

    @Test
    void theLatestModelIsTheNewestVersionWithItsVerdict() {
        APIGatewayV2HTTPResponse response = call(fixture("api-get-latest-model.json"));

        JsonNode body = json(response);
        assertThat(body.path("version").asText()).isEqualTo("3");
        assertThat(body.path("badge").asText()).isEqualTo("failed");
        assertThat(body.path("summary").isNull()).isTrue();
        assertThat(body.path("statusMessage").asText()).contains("too few anomalous images");
    }

    @Test
    void oneVersionCarriesItsSummaryBreachesAndPolicy() {
        JsonNode body = json(get("/projects/circuit-board/models/2", Map.of()));

        assertThat(body.path("badge").asText()).isEqualTo("breach");
        assertThat(body.path("breaches")).extracting(b -> b.path("kind").asText()).contains("MINIMUM", "REGRESSION");
        assertThat(body.path("policy").path("minimums").path("f1Score").asDouble()).isEqualTo(0.80);
        assertThat(body.path("summary").path("metrics").path("images").asLong()).isEqualTo(140);
        assertThat(json(get("/projects/circuit-board/models/1", Map.of())).path("badge").asText())
                .isEqualTo("pass");
    }

    @Test
    void historyIsNewestFirstAcrossPages() {
        List<String> versions = new ArrayList<>();
        String next = null;
        do {
            Map<String, String> query = new HashMap<>(Map.of("limit", "2"));
            if (next != null) {
                query.put("next", next);
            }
            JsonNode page = json(get("/projects/circuit-board/models", query));
            page.path("items").forEach(item -> {
                versions.add(item.path("version").asText());
                assertThat(item.path("badge").asText()).isIn("pass", "breach", "failed");
            });
            next = page.path("next").isNull() ? null : page.path("next").asText();
        } while (next != null);

        assertThat(versions).containsExactly("3", "2", "1");
    }

    @Test
    void badParametersAreNamedIn400s() {
        assertError(call(fixture("api-get-history-bad-limit.json")), 400, "limit:");
        assertError(get("/projects/circuit-board/models", Map.of("next", "garbage")), 400, "next:");
        assertError(get("/projects/circuit-board/models/abc", Map.of()), 400, "version:");
        assertError(get("/projects/bad%20name/models", Map.of()), 400, "project:");
        assertError(get("/projects/circuit-board/models/2/images", Map.of("outcome", "wrong")), 400, "outcome:");
        assertError(get("/projects/circuit-board/compare", Map.of("candidate", "2")), 400, "base:");
    }

    @Test
    void givenInvalidDefaultPolicy_whenTheApiStarts_thenOnlyVerdictsThatNeedItFailAndNamingIt() {
        Config broken = account.createStackConfig(Map.of("DEFAULT_POLICY", "{\"minimums\":{\"f1\":0.8}}"), config);
        ApiHandler started = new ApiHandler(ApiHandler.build(account.wiring(broken)));

        APIGatewayV2HTTPResponse model = started.handleRequest(request("GET", "/projects/circuit-board/models/1",
                Map.of()), null);
        APIGatewayV2HTTPResponse images = started.handleRequest(request("GET",
                "/projects/circuit-board/models/1/images", Map.of()), null);
        APIGatewayV2HTTPEvent put = request("PUT", "/projects/circuit-board/thresholds", Map.of());
        put.setBody("{\"minimums\":{\"f1Score\":0.5}}");
        APIGatewayV2HTTPResponse fixed = started.handleRequest(put, null);
        APIGatewayV2HTTPResponse after = started.handleRequest(request("GET", "/projects/circuit-board/models/1",
                Map.of()), null);

        assertThat(model.getStatusCode()).isEqualTo(500);
        JsonNode error = json(model).path("error");
        assertThat(error.path("code").asText()).isEqualTo("PolicyInForceInvalid");
        assertThat(error.path("message").asText()).startsWith("DEFAULT_POLICY: minimums.f1: unknown metric");
        assertThat(images.getStatusCode()).isEqualTo(200);
        assertThat(fixed.getStatusCode()).isEqualTo(200);
        assertThat(after.getStatusCode()).isEqualTo(200);
        assertThat(json(after).path("policy").path("minimums").path("f1Score").asDouble()).isEqualTo(0.5);
    }

    @Test
    void everyRouteTheStackCreatesIsOneTheServiceAnswers() {
        for (String route : Routes.ALL) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1).replace("{project}", "circuit-board")
                    .replace("{version}", "1").replace("{line}", "1").replace("{proxy+}", "index.html");
            APIGatewayV2HTTPEvent event = request(method, path, path.endsWith("/compare")
                    ? Map.of("base", "1", "candidate", "2") : Map.of());
            if ("PUT".equals(method)) {
                event.setBody("{\"minimums\":{\"f1Score\":0.5}}");
            }

            APIGatewayV2HTTPResponse response = call(event);

            assertThat(response.getStatusCode()).as(route).isIn(200, 302);
        }
    }

    @Test
    void unknownProjectsVersionsAndRoutesAre404AndWrongMethods405() {
        assertError(get("/projects/nope/models/latest", Map.of()), 404, "unknown project: nope");
        assertError(get("/projects/nope/models", Map.of()), 404, "unknown project: nope");
        assertError(get("/projects/circuit-board/models/99", Map.of()), 404, "project circuit-board has no version 99");
        assertError(get("/elsewhere", Map.of()), 404, "no such route");
        APIGatewayV2HTTPResponse delete = call(request("DELETE", "/projects/circuit-board/thresholds", Map.of()));
        assertError(delete, 405, "DELETE is not allowed");
        assertThat(delete.getHeaders()).containsEntry("Allow", "GET, PUT");
    }

    @Test
    void imagesAreFilteredByOutcomeAndPaged() {
        APIGatewayV2HTTPResponse first = call(fixture("api-get-images.json"));

        JsonNode page = json(first);
        long total = page.path("total").asLong();
        JsonNode summary = json(get("/projects/circuit-board/models/2", Map.of())).path("summary");
        assertThat(total).isEqualTo(summary.path("metrics").path("incorrect").asLong()).isGreaterThan(5);
        assertThat(page.path("items")).hasSize(5).allSatisfy(i -> assertThat(i.path("correct").asBoolean()).isFalse());
        List<String> seen = new ArrayList<>();
        String next = null;
        do {
            Map<String, String> query = new HashMap<>(Map.of("outcome", "incorrect", "limit", "7"));
            if (next != null) {
                query.put("next", next);
            }
            JsonNode p = json(get("/projects/circuit-board/models/2/images", query));
            p.path("items").forEach(i -> seen.add(i.path("sourceRef").asText()));
            next = p.path("next").isNull() ? null : p.path("next").asText();
        } while (next != null);
        assertThat(seen).hasSize((int) total).doesNotHaveDuplicates();
        assertThat(json(get("/projects/circuit-board/models/2/images", Map.of("outcome", "all"))).path("total")
                .asLong()).isEqualTo(140);
        assertError(get("/projects/circuit-board/models/3/images", Map.of()), 404, "no per-image results");
    }

    @Test
    void pagesOfEveryOutcomeTogetherAreThePerImageFileInOrderWithoutOverlap() {
        String file = account.get(TestAccount.DETAILS, "lfv-metrics/circuit-board/2/" + IngestService.IMAGES_FILE);
        List<JsonNode> stored = file.lines().filter(l -> !l.isBlank()).map(ApiIT::tree).toList();

        for (String outcome : List.of("all", "correct", "incorrect")) {
            List<JsonNode> paged = new ArrayList<>();
            String next = null;
            do {
                Map<String, String> query = new HashMap<>(Map.of("outcome", outcome, "limit", "13"));
                if (next != null) {
                    query.put("next", next);
                }
                JsonNode page = json(get("/projects/circuit-board/models/2/images", query));
                // Each item is the stored line plus the link to its image.
                page.path("items").forEach(item -> {
                    assertThat(item.path("imageUrl").asText()).contains(item.path("sourceRef").asText()
                            .substring("s3://lfv-samples/".length()));
                    paged.add(((com.fasterxml.jackson.databind.node.ObjectNode) item.deepCopy()).without("imageUrl"));
                });
                next = page.path("next").isNull() ? null : page.path("next").asText();
            } while (next != null);

            List<JsonNode> expected = stored.stream().filter(i -> outcome.equals("all")
                    || i.path("correct").asBoolean() == outcome.equals("correct")).toList();
            assertThat(paged).as(outcome).isEqualTo(expected);
        }
    }

    @Test
    void aPageTokenOfOneOutcomeIsRefusedForAnother() {
        JsonNode first = json(get("/projects/circuit-board/models/2/images", Map.of("outcome", "all", "limit", "5")));
        String next = first.path("next").asText();

        assertError(get("/projects/circuit-board/models/2/images", Map.of("outcome", "incorrect", "next", next)),
                400, "next:");
        assertError(get("/projects/circuit-board/models/2/images", Map.of("next", "bm9wZQ")), 400, "next:");
    }

    private static JsonNode tree(String line) {
        try {
            return Json.mapper().readTree(line);
        } catch (Exception e) {
            throw new IllegalStateException(line, e);
        }
    }

    @Test
    void compareGivesTheCoreComparison() {
        APIGatewayV2HTTPResponse response = get("/projects/circuit-board/compare",
                Map.of("base", "1", "candidate", "2"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("base").path("version").asText()).isEqualTo("1");
        assertThat(body.path("candidate").path("version").asText()).isEqualTo("2");
        assertThat(body.path("metrics").isArray()).isTrue();
        // Paired on the stored per-image files: the samples' two versions share all 140 images.
        JsonNode tests = body.path("tests");
        assertThat(tests.path("identicalTestSets").asBoolean()).isTrue();
        assertThat(tests.path("pairedImages").asLong()).isEqualTo(140);
        assertThat(tests.at("/accuracy/baseOnlyRight").asLong()).isEqualTo(24);
        assertThat(tests.at("/accuracy/candidateOnlyRight").asLong()).isEqualTo(3);
        assertThat(tests.at("/rocAuc/pValue").asDouble()).isBetween(0.0, 0.01);
        assertThat(body.path("testSets").path("identical").asBoolean()).isTrue();
        assertThat(body.path("testsNote").isNull()).isTrue();
        assertError(get("/projects/circuit-board/compare", Map.of("base", "1", "candidate", "2", "level", "1.5")),
                400, "level:");
        assertError(get("/projects/circuit-board/compare", Map.of("base", "1", "candidate", "3")), 404,
                "circuit-board/3 has no evaluation");
    }

    @Test
    void thresholdsAreTheDefaultUntilAValidatedProjectPolicyIsPut() {
        JsonNode before = json(get("/projects/circuit-board/thresholds", Map.of()));
        assertThat(before.path("source").asText()).isEqualTo("default");

        APIGatewayV2HTTPResponse put = call(fixture("api-put-thresholds.json"));

        assertThat(put.getStatusCode()).isEqualTo(200);
        assertThat(json(put).path("source").asText()).isEqualTo("project");
        JsonNode after = json(get("/projects/circuit-board/thresholds", Map.of()));
        assertThat(after.path("source").asText()).isEqualTo("project");
        assertThat(after.path("policy").path("minimums").path("f1Score").asDouble()).isEqualTo(0.9);
        assertThat(json(get("/projects/circuit-board/models/1", Map.of())).path("badge").asText())
                .isEqualTo("pass");
    }

    @Test
    void anInvalidPolicyIsRefusedAndNothingIsStored() {
        APIGatewayV2HTTPEvent event = fixture("api-put-thresholds.json");
        event.setBody("{\"minimums\":{\"f1Scor\":0.9}}");

        APIGatewayV2HTTPResponse response = call(event);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).path("error").path("message").asText()).contains("f1Scor");
        assertThat(json(get("/projects/circuit-board/thresholds", Map.of())).path("source").asText())
                .isEqualTo("default");
        event.setBody(null);
        assertError(call(event), 400, "body:");
    }

    @Test
    void anInternalFailureAnswersAGeneric500WithTheRequestId() {
        Map<String, AttributeValue> corrupt = new HashMap<>(Map.of(
                "pk", AttributeValue.fromS("PROJECT#circuit-board"), "sk", AttributeValue.fromS("MODEL#0000000005"),
                "entity", AttributeValue.fromS("MODEL"), "project", AttributeValue.fromS("circuit-board"),
                "version", AttributeValue.fromS("5"), "status", AttributeValue.fromS("TRAINED"),
                "summary", AttributeValue.fromS("{not json"), "contentHash", AttributeValue.fromS("x")));
        account.dynamo().putItem(b -> b.tableName(TestAccount.TABLE).item(corrupt));

        APIGatewayV2HTTPResponse response = get("/projects/circuit-board/models/5", Map.of());

        assertThat(response.getStatusCode()).isEqualTo(500);
        String message = json(response).path("error").path("message").asText();
        assertThat(message).isEqualTo("internal error; request id JKJaXmPLvHcESHA=");
        assertThat(response.getBody()).doesNotContain("not json").doesNotContain("Exception").doesNotContain("at ");
    }

    @Test
    void theDashboardIsServedFromTheClassPath() {
        APIGatewayV2HTTPResponse root = get("/", Map.of());
        assertThat(root.getStatusCode()).isEqualTo(302);
        assertThat(root.getHeaders()).containsEntry("Location", "/ui/");

        APIGatewayV2HTTPResponse index = get("/ui/", Map.of());
        assertThat(index.getStatusCode()).isEqualTo(200);
        assertThat(index.getHeaders().get("Content-Type")).startsWith("text/html");
        assertThat(index.getBody()).contains("<html");
        assertThat(get("/ui/favicon.svg", Map.of()).getHeaders()).containsEntry("Content-Type", "image/svg+xml");
        assertThat(get("/ui/../pom.xml", Map.of()).getStatusCode()).isEqualTo(404);
        assertThat(get("/ui/%2e%2e/pom.xml", Map.of()).getStatusCode()).isEqualTo(404);
        assertThat(get("/ui/missing.js", Map.of()).getStatusCode()).isEqualTo(404);
    }

    @Test
    void theDashboardCanBeSwitchedOff() {
        Config off = account.createStackConfig(Map.of("DASHBOARD_ENABLED", "false"), config);
        ApiHandler without = new ApiHandler(ApiHandler.build(account.wiring(off)));

        assertThat(without.handleRequest(request("GET", "/ui/", Map.of()), null).getStatusCode()).isEqualTo(404);
        assertThat(without.handleRequest(request("GET", "/projects", Map.of()), null).getStatusCode())
                .isEqualTo(200);
    }

    @Test
    void anUnreachableStoreAnswers503WithRetryAfterAndNoInternalMessage() {
        AwsClients dead = new AwsClients(TestAccount.REGION, URI.create("http://127.0.0.1:9"),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
        ApiHandler unreachable = new ApiHandler(ApiHandler.build(new Wiring(config, dead)));

        APIGatewayV2HTTPResponse response = unreachable.handleRequest(request("GET", "/projects", Map.of()), null);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "1");
        assertThat(json(response).path("error").path("message").asText())
                .isEqualTo("temporarily unavailable, retry; request id JKJaXmPLvHcESHA=");
    }
}
