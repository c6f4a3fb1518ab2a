package dev.lfvmetrics.functions.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.core.policy.Breach;
import dev.lfvmetrics.functions.notify.Notification;
import dev.lfvmetrics.functions.notify.SnsNotifier;
import org.junit.jupiter.api.Test;

class AlertMessagesTest {

    private static final Breach REGRESSION = new Breach(Breach.REGRESSION, "f1Score", null, 0.81, 0.02, 0.9,
            "f1Score dropped 0.0900 from 0.9000 to 0.8100, more than 0.0200");

    @Test
    void aBreachBecomesAOneLineSubjectATextBodyAndAttributes() {
        Notification n = AlertMessages.render(Alert.of("circuit-board", "2", REGRESSION));

        assertThat(n.subject()).isEqualTo("[lfv-metrics] circuit-board v2: f1Score dropped 0.0900 (max 0.0200)");
        assertThat(n.text()).contains("Project: circuit-board", "Model version: 2", REGRESSION.message(),
                "Previous version's value: 0.9000");
        assertThat(n.attributes()).containsEntry("project", "circuit-board").containsEntry("severity", "high")
                .containsEntry("kind", "REGRESSION");
    }

    @Test
    void aMaximumAndAnInsufficientTestSetSayWhatTheyAre() {
        Notification fpr = AlertMessages.render(Alert.of("circuit-board", "2", new Breach(Breach.MAXIMUM,
                "falsePositiveRate", null, 0.175, 0.1, null, "falsePositiveRate 0.1750 is above the maximum 0.1000")));
        Notification few = AlertMessages.render(Alert.of("circuit-board", "2", new Breach(Breach.INSUFFICIENT_DATA,
                "anomalous", null, 12.0, 30.0, null, "only 12 anomalous test images, fewer than the 30 ...")));

        assertThat(fpr.subject()).endsWith("falsePositiveRate 0.1750 above maximum 0.1000");
        assertThat(fpr.text()).contains("Maximum: 0.1000").doesNotContain("Minimum:");
        assertThat(few.subject()).endsWith("only 12 anomalous test images (minimum 30)");
        assertThat(few.attributes()).containsEntry("kind", "INSUFFICIENT_DATA").containsEntry("severity", "warning");
    }

    @Test
    void aLongProjectNameStillGivesASubjectUnder100CharactersWithoutLineBreaks() {
        String project = "p".repeat(255);
        Notification n = AlertMessages.render(Alert.failed(project, "1234567890", "line one\nline two"));

        assertThat(n.subject()).hasSizeLessThan(100).doesNotContain("\n").doesNotContain("\r").endsWith("...");
    }

    @Test
    void theSlackPayloadFollowsTheChatbotCustomNotificationSchema() throws Exception {
        Notification n = AlertMessages.render(Alert.failed("circuit-board", "3", "Too few `anomalous` images"));

        JsonNode chatbot = Json.mapper().readTree(n.chatbot());
        assertThat(chatbot.path("version").asText()).isEqualTo("1.0");
        assertThat(chatbot.path("source").asText()).isEqualTo("custom");
        assertThat(chatbot.path("content").path("textType").asText()).isEqualTo("client-markdown");
        assertThat(chatbot.path("content").path("title").asText()).isEqualTo(n.subject());
        assertThat(chatbot.path("content").path("description").asText()).contains("training failed");
        assertThat(chatbot.path("content").path("nextSteps").isArray()).isTrue();
        assertThat(chatbot.path("content").path("keywords")).extracting(JsonNode::asText)
                .containsExactly("circuit-board", "TRAINING_FAILED", "critical");
        assertThat(chatbot.path("metadata").path("threadId").asText()).isEqualTo("lfv-metrics-circuit-board");
    }

    @Test
    void theSnsMessageHasOneStringPerProtocol() throws Exception {
        Notification n = AlertMessages.render(Alert.of("circuit-board", "2", REGRESSION));

        JsonNode message = Json.mapper().readTree(SnsNotifier.structured(n));
        assertThat(message.path("default").asText()).isEqualTo(n.text());
        assertThat(message.path("email").asText()).isEqualTo(n.text());
        assertThat(Json.mapper().readTree(message.path("https").asText()).path("source").asText())
                .isEqualTo("custom");
    }

    @Test
    void aLabelWithNonAsciiCharactersGivesAnAsciiSubjectAndKeepsTheNameInTheBody() {
        Breach label = new Breach(Breach.LABEL_MINIMUM, "f1Score", "\u00e9raflure", 0.4, 0.5, null,
                "\u00e9raflure f1Score 0.4000 below minimum 0.5000");

        Notification n = AlertMessages.render(Alert.of("cookies", "1", label));

        assertThat(n.subject()).isEqualTo("[lfv-metrics] cookies v1: ?raflure f1Score 0.4000 below minimum 0.5000");
        assertThat(n.subject().chars()).allMatch(c -> c >= 0x20 && c <= 0x7E);
        assertThat(n.text()).contains("\u00e9raflure");
    }
}
