package dev.lfvmetrics.cli.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lfvmetrics.functions.api.DashboardFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class DashboardServerTest {

    private static final String ACCESS_KEY = "AKIDEXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private FakeApi api;
    private DashboardServer dashboard;

    @BeforeEach
    void start() throws IOException {
        api = new FakeApi();
    }

    @AfterEach
    void stop() {
        if (dashboard != null) {
            dashboard.close();
        }
        api.close();
    }

    private void startDashboard(String apiUrl, AwsCredentialsProvider credentials) throws IOException {
        SigningForwarder forwarder = new SigningForwarder(ApiEndpoint.parse(apiUrl), "eu-west-1", credentials, CLOCK);
        dashboard = DashboardServer.start(0, new DashboardFiles(getClass().getClassLoader()), forwarder,
                new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    private static AwsCredentialsProvider basic() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + dashboard.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DashboardServerTest.class.getResourceAsStream("/dashboard-proxy/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void assertSignatureValid(FakeApi.Received request) {
        String expected = SigV4Verifier.expectedSignature(SECRET, request.method(), request.rawPath(),
                request.rawQuery(), request::header, request.body());
        assertThat(SigV4Verifier.parse(request.header("authorization")).signature()).isEqualTo(expected);
    }

    @Test
    void givenAnApiCallWhenForwardedThenTheUpstreamGetsItSignedForExecuteApiAndTheAnswerComesBack() throws Exception {
        api.answer(200, "projects.json");
        startDashboard(api.url(), basic());

        HttpResponse<String> response = get("/projects/circuit-board/models/2/images?outcome=incorrect&limit=25");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo(resource("projects.json"));
        assertThat(api.received()).hasSize(1);
        FakeApi.Received request = api.received().get(0);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.rawPath()).isEqualTo("/projects/circuit-board/models/2/images");
        // The SDK puts query parameters in canonical (sorted) order; the set must be the same.
        assertThat(request.rawQuery().split("&")).containsExactlyInAnyOrder("outcome=incorrect", "limit=25");
        SigV4Verifier.Authorization auth = SigV4Verifier.parse(request.header("authorization"));
        assertThat(auth.accessKey()).isEqualTo(ACCESS_KEY);
        assertThat(auth.scope()).isEqualTo("20261125/eu-west-1/execute-api/aws4_request");
        assertThat(auth.signedHeaders()).contains("host", "x-amz-date");
        assertThat(request.header("x-amz-date")).isEqualTo("20261125T120000Z");
        assertSignatureValid(request);
    }

    @Test
    void givenAProjectNameWithSpacesWhenForwardedThenTheSignatureStillMatchesTheEncodedPath() throws Exception {
        api.answer(200, "projects.json");
        startDashboard(api.url(), basic());

        HttpResponse<String> response = get("/projects/my%20project/models?limit=100&next=a%2Bb%3D");

        assertThat(response.statusCode()).isEqualTo(200);
        FakeApi.Received request = api.received().get(0);
        assertThat(request.rawPath()).isEqualTo("/projects/my%20project/models");
        assertSignatureValid(request);
    }

    @Test
    void givenAnApiWithABasePathWhenForwardedThenTheBasePathIsKept() throws Exception {
        api.answer(200, "projects.json");
        startDashboard(api.url() + "/prod/", basic());

        get("/projects");

        assertThat(api.received().get(0).rawPath()).isEqualTo("/prod/projects");
        assertSignatureValid(api.received().get(0));
    }

    @Test
    void givenTemporaryCredentialsWhenForwardedThenTheSessionTokenIsSentAndSigned() throws Exception {
        api.answer(200, "projects.json");
        startDashboard(api.url(), StaticCredentialsProvider.create(
                AwsSessionCredentials.create(ACCESS_KEY, SECRET, "session-token-example")));

        get("/projects");

        FakeApi.Received request = api.received().get(0);
        assertThat(request.header("x-amz-security-token")).isEqualTo("session-token-example");
        assertThat(SigV4Verifier.parse(request.header("authorization")).signedHeaders())
                .contains("x-amz-security-token");
        assertSignatureValid(request);
    }

    @Test
    void givenAThresholdsPutWhenForwardedThenTheBodyArrivesUnchangedAndIsCoveredByTheSignature() throws Exception {
        api.answer(200, "thresholds.json");
        startDashboard(api.url(), basic());
        String policy = resource("thresholds.json");

        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + dashboard.port() + "/projects/circuit-board/thresholds"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(policy)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        FakeApi.Received request = api.received().get(0);
        assertThat(request.method()).isEqualTo("PUT");
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo(policy);
        assertThat(request.header("content-type")).isEqualTo("application/json");
        assertSignatureValid(request);
    }

    @Test
    void givenTheApiAnswers404WhenForwardedThenTheBrowserGetsTheSameStatusAndError() throws Exception {
        api.answer(404, "not-found.json");
        startDashboard(api.url(), basic());

        HttpResponse<String> response = get("/projects/circuit-board/models/9");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo(resource("not-found.json"));
    }

    @Test
    void givenAnUnreachableApiWhenCalledThen502NamesTheHostButNoInternalDetail() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        startDashboard("http://127.0.0.1:" + closedPort, basic());

        HttpResponse<String> response = get("/projects");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).contains("\"code\":\"UpstreamUnreachable\"").contains("127.0.0.1")
                .doesNotContain("Exception").doesNotContain("refused");
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("failed");
    }

    @Test
    void givenADeleteWhenCalledThen405AndNothingIsForwarded() throws Exception {
        startDashboard(api.url(), basic());

        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + dashboard.port() + "/projects/circuit-board")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, PUT");
        assertThat(api.received()).isEmpty();
    }

    @Test
    void givenThePageWhenRequestedThenItsFilesAreServedWithTheirTypes() throws Exception {
        startDashboard(api.url(), basic());

        HttpResponse<String> index = get("/ui/");
        HttpResponse<String> script = get("/ui/app.js");
        HttpResponse<String> style = get("/ui/app.css");
        HttpResponse<String> view = get("/ui/views/model.js");

        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(index.body()).contains("<script type=\"module\" src=\"app.js\"></script>");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(script.body()).contains("hashchange");
        assertThat(style.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(api.received()).isEmpty();
    }

    @Test
    void givenAForeignHostNameWhenCalledThen403AndNothingIsForwarded() throws Exception {
        api.answer(200, "projects.json");
        startDashboard(api.url(), basic());
        HttpClient client = HttpClient.newBuilder().build();
        // Host cannot be set through java.net.http, so the request is written by hand as a rebinding page would.
        String response;
        try (Socket socket = new Socket("127.0.0.1", dashboard.port())) {
            socket.getOutputStream().write(("GET /projects HTTP/1.1\r\nHost: evil.example:" + dashboard.port()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(response).startsWith("HTTP/1.1 403").contains("ForbiddenHost");
        assertThat(api.received()).isEmpty();
        assertThat(client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + dashboard.port() + "/projects"))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    void givenTheRootWhenRequestedThenItRedirectsToThePage() throws Exception {
        startDashboard(api.url(), basic());

        HttpResponse<String> root = get("/");

        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValue("/ui/");
    }

    @Test
    void givenAPathOutsideThePageWhenRequestedThen404() throws Exception {
        startDashboard(api.url(), basic());

        assertThat(get("/ui/..%2F..%2Fdashboard-proxy%2Fprojects.json").statusCode()).isEqualTo(404);
        assertThat(get("/ui/missing.js").statusCode()).isEqualTo(404);
        assertThat(get("/other").statusCode()).isEqualTo(404);
    }
}
