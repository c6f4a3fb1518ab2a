package dev.lfvmetrics.functions.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lfvmetrics.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The libraries' SLF4J logging lands in the functions' log as JSON lines, so a log group holds one format. */
class JsonLogServiceProviderTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @AfterEach
    void restore() {
        JsonLog.writeTo(null);
    }

    private List<JsonNode> lines() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(Json.mapper().readTree(line));
            }
        }
        return lines;
    }

    @Test
    void givenALibraryWarningAndError_whenLogged_thenTheyAreJsonLinesWithTheirLevelAndLogger() throws IOException {
        JsonLog.writeTo(new PrintStream(out, true, StandardCharsets.UTF_8));
        JsonLog.begin("req-1", "evt-1");
        Logger sdk = LoggerFactory.getLogger("software.amazon.awssdk.core.Example");

        sdk.warn("retrying {} after {} ms", "GetObject", 40);
        sdk.error("gave up", new IllegalStateException("boom"));
        sdk.info("not written");
        sdk.debug("not written either");

        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).path("level").asText()).isEqualTo("WARN");
        assertThat(lines.get(0).path("message").asText()).isEqualTo("retrying GetObject after 40 ms");
        assertThat(lines.get(0).path("logger").asText()).isEqualTo("software.amazon.awssdk.core.Example");
        assertThat(lines.get(0).path("requestId").asText()).isEqualTo("req-1");
        assertThat(lines.get(1).path("level").asText()).isEqualTo("ERROR");
        assertThat(lines.get(1).toString()).contains("boom");
    }

    @Test
    void givenTheFunctionsClasspath_whenSlf4jStarts_thenThisProviderIsTheOne() {
        assertThat(LoggerFactory.getILoggerFactory().getClass().getName())
                .startsWith(JsonLogServiceProvider.class.getName());
    }
}
