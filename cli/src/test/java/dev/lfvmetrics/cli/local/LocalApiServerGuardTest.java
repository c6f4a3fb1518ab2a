package dev.lfvmetrics.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lfvmetrics.cli.CliRun;
import dev.lfvmetrics.cli.loopback.LoopbackGuard;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local mode's API server is as careful as the deployed API: foreign Host headers and huge bodies refused. */
class LocalApiServerGuardTest {

    private static final Path ARTIFACTS = CliRun.repositoryRoot().resolve("events/artifacts");

    @TempDir
    Path state;

    private LocalPipeline pipeline;
    private LocalApiServer server;

    @BeforeEach
    void start() throws IOException {
        pipeline = LocalPipeline.start(new LocalSettings(ARTIFACTS, state, "", null, "us-east-1", null),
                new PrintWriter(new StringWriter()));
        server = LocalApiServer.start(pipeline.api(), 0, ARTIFACTS);
    }

    @AfterEach
    void stop() {
        server.close();
        pipeline.close();
    }

    /** A request written by hand, as a DNS-rebinding page would send it (java.net.http cannot set Host). */
    private String send(String method, String path, String host, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.url().getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void givenAForeignHost_whenThresholdsArePut_then403AndNothingIsStored() throws IOException {
        int port = server.url().getPort();
        byte[] policy = "{\"minimums\":{\"f1Score\":0.99}}".getBytes(StandardCharsets.UTF_8);

        String rebound = send("PUT", "/projects/cookies/thresholds", "evil.example:" + port, policy);

        assertThat(rebound).startsWith("HTTP/1.1 403").contains("\"code\":\"ForbiddenHost\"");
        assertThat(new FileModelStore(state.resolve("store.json")).policy("cookies")).isEmpty();
        assertThat(send("PUT", "/projects/cookies/thresholds", "127.0.0.1:" + port, policy)).startsWith("HTTP/1.1 200");
        assertThat(new FileModelStore(state.resolve("store.json")).policy("cookies")).isPresent();
    }

    @Test
    void givenLoopbackNames_whenCalled_thenServed() throws IOException {
        int port = server.url().getPort();

        assertThat(send("GET", "/projects", "localhost:" + port, new byte[0])).startsWith("HTTP/1.1 200");
        assertThat(send("GET", "/projects", "127.0.0.1:" + port, new byte[0])).startsWith("HTTP/1.1 200");
        assertThat(send("GET", "/projects", "127.0.0.1", new byte[0])).startsWith("HTTP/1.1 403");
    }

    @Test
    void givenABodyOverTheCap_whenPut_then413() throws IOException {
        byte[] huge = new byte[LoopbackGuard.MAX_BODY + 1];

        String response = send("PUT", "/projects/cookies/thresholds", "127.0.0.1:" + server.url().getPort(), huge);

        assertThat(response).startsWith("HTTP/1.1 413").contains("\"code\":\"PayloadTooLarge\"");
    }

    @Test
    void givenAnArtifactFile_whenGotFromLoopback_thenItsBytesAsAnImage_andFromElsewhereOrOutsideNothing()
            throws IOException {
        int port = server.url().getPort();
        String picture = "/files/lfv-samples/cookies/test/anomaly/test-000.jpg";

        String served = send("GET", picture, "127.0.0.1:" + port, new byte[0]);

        assertThat(served).startsWith("HTTP/1.1 200").containsIgnoringCase("Content-Type: image/png")
                .containsIgnoringCase("X-Content-Type-Options: nosniff");
        assertThat(send("GET", picture, "evil.example:" + port, new byte[0])).startsWith("HTTP/1.1 403");
        assertThat(send("GET", "/files/../../../../etc/passwd", "127.0.0.1:" + port, new byte[0]))
                .startsWith("HTTP/1.1 404");
        assertThat(send("GET", "/files/lfv-samples/%2e%2e/%2e%2e/%2e%2e/pom.xml", "127.0.0.1:" + port, new byte[0]))
                .startsWith("HTTP/1.1 404");
        assertThat(send("PUT", picture, "127.0.0.1:" + port, new byte[0])).startsWith("HTTP/1.1 405");
    }
}
