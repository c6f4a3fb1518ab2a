package dev.lfvmetrics.functions.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lfvmetrics.functions.catalog.ModelNotFoundException;
import dev.lfvmetrics.functions.config.Config;
import dev.lfvmetrics.functions.testing.Invoke;
import dev.lfvmetrics.functions.testing.MotoExtension;
import dev.lfvmetrics.functions.testing.TestAccount;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MotoExtension.class)
class WatchIT {

    private TestAccount account;
    private WatchHandler handler;

    @BeforeEach
    void setUp() {
        account = new TestAccount();
        Config config = account.createStack(Map.of("MODEL_CATALOG", "s3"));
        handler = new WatchHandler(WatchHandler.build(account.wiring(config)));
    }

    @Test
    void aSavedTrainedDescriptionIsAFinalStatus() {
        account.saveDescription("circuit-board", "2");

        JsonNode result = Invoke.handler(handler, "{\"project\":\"circuit-board\",\"version\":\"2\"}");

        assertThat(result.path("project").asText()).isEqualTo("circuit-board");
        assertThat(result.path("version").asText()).isEqualTo("2");
        assertThat(result.path("status").asText()).isEqualTo("TRAINED");
        assertThat(result.path("statusMessage").asText()).isEqualTo("Training completed successfully.");
        assertThat(result.path("final").asBoolean()).isTrue();
        assertThat(result.has("isFinal")).isFalse();
    }

    @Test
    void aModelWithoutDescriptionFailsTheTaskAsNotFound() {
        assertThatThrownBy(() -> Invoke.handler(handler, "{\"project\":\"circuit-board\",\"version\":\"9\"}"))
                .isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining("circuit-board/9");
    }

    @Test
    void aMalformedRequestFailsNamingTheField() {
        assertThatThrownBy(() -> Invoke.handler(handler, "{\"project\":\"circuit-board\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version");
    }
}
