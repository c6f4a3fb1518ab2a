package dev.lfvmetrics.functions.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lfvmetrics.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JsonLogTest {

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream original;

    @BeforeEach
    void capture() {
        original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(original);
    }

    private List<JsonNode> lines() {
        return captured.toString(StandardCharsets.UTF_8).lines().map(line -> {
            try {
                return Json.mapper().readTree(line);
            } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }).toList();
    }

    @Test
    void everyLineIsJsonWithTheInvocationsContext() {
        JsonLog.begin("req-1", "evt-1");
        JsonLog.put("project", "circuit-board");

        JsonLog.of(JsonLogTest.class).info("stored", "status", 200, "ratio", 0.5, "note", null);

        JsonNode line = lines().get(0);
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("message").asText()).isEqualTo("stored");
        assertThat(line.path("requestId").asText()).isEqualTo("req-1");
        assertThat(line.path("eventId").asText()).isEqualTo("evt-1");
        assertThat(line.path("project").asText()).isEqualTo("circuit-board");
        assertThat(line.path("status").isIntegralNumber()).isTrue();
        assertThat(line.path("ratio").asDouble()).isEqualTo(0.5);
        assertThat(line.path("note").isNull()).isTrue();
    }

    @Test
    void aNewInvocationForgetsThePreviousContext() {
        JsonLog.begin("req-1", "evt-1");
        JsonLog.put("project", "a");
        JsonLog.begin("req-2", null);

        JsonLog.of(JsonLogTest.class).warn("next");

        JsonNode line = lines().get(0);
        assertThat(line.path("requestId").asText()).isEqualTo("req-2");
        assertThat(line.has("eventId")).isFalse();
        assertThat(line.has("project")).isFalse();
    }

    @Test
    void aCountIsAnEmbeddedMetricFormatLine() {
        JsonLog.begin("req-1", "evt-1");

        JsonLog.of(JsonLogTest.class).count("IngestOutcome", "outcome", "REJECTED");

        JsonNode line = lines().get(0);
        JsonNode directive = line.path("_aws").path("CloudWatchMetrics").get(0);
        assertThat(directive.path("Namespace").asText()).isEqualTo(JsonLog.NAMESPACE);
        assertThat(directive.path("Dimensions").get(0).get(0).asText()).isEqualTo("outcome");
        assertThat(directive.path("Metrics").get(0).path("Name").asText()).isEqualTo("IngestOutcome");
        assertThat(line.path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(line.path("IngestOutcome").asInt()).isEqualTo(1);
        assertThat(line.path("eventId").asText()).isEqualTo("evt-1");
    }

    @Test
    void anErrorCarriesItsTypeAndABoundedStackTrace() {
        JsonLog.begin(null, null);

        JsonLog.of(JsonLogTest.class).error("failed", new IllegalStateException("boom"));

        JsonNode line = lines().get(0);
        assertThat(line.path("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(line.path("errorMessage").asText()).isEqualTo("boom");
        assertThat(line.path("stackTrace").asText()).startsWith("java.lang.IllegalStateException: boom")
                .hasSizeLessThanOrEqualTo(4003);
    }
}
