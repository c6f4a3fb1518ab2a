package dev.lfvmetrics.functions.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lfvmetrics.contracts.DashboardLinks;
import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.core.policy.Breach;
import dev.lfvmetrics.core.policy.Evidence;
import dev.lfvmetrics.functions.notify.Notification;
import dev.lfvmetrics.functions.notify.SnsNotifier;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertMessagesTest {

    private static final Breach REGRESSION = new Breach(Breach.REGRESSION, "f1Score", null, 0.81, 0.02, 0.9,
            "f1Score dropped 0.0900 from 0.9000 to 0.8100, more than 0.0200");

    private static Alert one(String project, String version, Breach breach) {
        return Alert.of(project, version, List.of(breach), List.of(), null);
    }

    @Test
    void aBreachBecomesAOneLineSubjectATextBodyAndAttributes() {
        Notification n = AlertMessages.render(one("circuit-board", "2", REGRESSION));

        assertThat(n.subject()).isEqualTo("[lfv-metrics] circuit-board v2: f1Score dropped 0.0900 (max 0.0200)");
        assertThat(n.text()).contains("Project: circuit-board", "Model version: 2", REGRESSION.message(),
                "Value: 0.8100 | Previous version: 0.9000 | Largest allowed drop: 0.0200");
        assertThat(n.attributes()).containsEntry("project", "circuit-board").containsEntry("severity", "high")
                .containsEntry("kind", "REGRESSION");
    }

    @Test
    void aMaximumAndAnInsufficientTestSetSayWhatTheyAre() {
        Notification fpr = AlertMessages.render(one("circuit-board", "2", new Breach(Breach.MAXIMUM,
                "falsePositiveRate", null, 0.175, 0.1, null, "falsePositiveRate 0.1750 is above the maximum 0.1000")));
        Notification few = AlertMessages.render(one("circuit-board", "2", new Breach(Breach.INSUFFICIENT_DATA,
                "anomalous", null, 12.0, 30.0, null, "only 12 anomalous test images, fewer than the 30 ...")));

        assertThat(fpr.subject()).endsWith("falsePositiveRate 0.1750 above maximum 0.1000");
        assertThat(fpr.text()).contains("Maximum: 0.1000").doesNotContain("Minimum:");
        assertThat(few.subject()).endsWith("only 12 anomalous test images (minimum 30)");
        assertThat(few.attributes()).containsEntry("kind", "INSUFFICIENT_DATA").containsEntry("severity", "warning");
    }

    @Test
    void aLongProjectNameStillGivesASubjectUnder100CharactersWithoutLineBreaks() {
        String project = "p".repeat(255);
        Notification n = AlertMessages.render(Alert.failed(project, "1234567890", "line one\nline two", null));

        assertThat(n.subject()).hasSizeLessThan(100).doesNotContain("\n").doesNotContain("\r").endsWith("...");
    }

    @Test
    void theSlackPayloadFollowsTheChatbotCustomNotificationSchema() throws Exception {
        Notification n = AlertMessages.render(Alert.failed("circuit-board", "3", "Too few `anomalous` images", null));

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
        Notification n = AlertMessages.render(one("circuit-board", "2", REGRESSION));

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

        Notification n = AlertMessages.render(one("cookies", "1", label));

        assertThat(n.subject()).isEqualTo("[lfv-metrics] cookies v1: ?raflure f1Score 0.4000 below minimum 0.5000");
        assertThat(n.subject().chars()).allMatch(c -> c >= 0x20 && c <= 0x7E);
        assertThat(n.text()).contains("\u00e9raflure");
    }

    @Test
    void givenSeveralBreachesAndAnInconclusiveDrop_whenRendered_thenOneMessageListsEachWithItsEvidenceAndTheLink()
            throws Exception {
        Evidence test = new Evidence(Evidence.MCNEMAR, 0.95, null, null, 0.00049, 12L, 0L, 60L, 0.1, null, null,
                null, null);
        Breach recall = new Breach(Breach.REGRESSION, "recall", null, 0.78, 0.05, 0.97,
                "recall dropped by 0.1900 from 0.9700 to 0.7800, more than the allowed 0.0500; McNemar p = 0.0005",
                test);
        Breach minimum = new Breach(Breach.MINIMUM, "f1Score", null, 0.77, 0.8, null,
                "f1Score 0.7700 (95 % interval 0.6984 to 0.8485) is below the minimum 0.8000",
                new Evidence("bootstrap", 0.95, 0.6984, 0.8485, null, null, null, 140L, null, null, null, null, null));
        Breach noisy = new Breach(Breach.INCONCLUSIVE, "accuracy", null, 0.9, 0.01, 0.92,
                "accuracy dropped by 0.0200 ..., but McNemar p = 0.3 cannot tell it from noise at 95 %", test);
        String link = DashboardLinks.version(DashboardLinks.parse("https://abc.execute-api.eu-west-1.amazonaws.com/ui",
                "test"), "circuit board", "2");
        assertThat(link).isEqualTo("https://abc.execute-api.eu-west-1.amazonaws.com/ui/#/p/circuit%20board/v/2");
        Alert alert = Alert.of("circuit board", "2", List.of(minimum, recall), List.of(noisy), link);

        Notification n = AlertMessages.render(alert);

        assertThat(alert.kind()).isEqualTo(Breach.REGRESSION);
        assertThat(alert.severity()).isEqualTo("high");
        assertThat(n.subject()).isEqualTo("[lfv-metrics] circuit board v2: 2 breaches: recall dropped 0.1900 "
                + "(max 0.0500)");
        assertThat(n.text()).contains("2 breaches:", "1. MINIMUM f1Score", minimum.message(),
                "Method: bootstrap, 95 %, interval 0.6984 to 0.8485, on 140 images", "2. REGRESSION recall",
                "Method: mcnemar, 95 %, p = 0.0005, on 60 images",
                "Inconclusive drops (not breaches: the paired tests cannot tell them from noise):\n- "
                        + noisy.message(), "Dashboard: " + link);
        JsonNode chatbot = Json.mapper().readTree(n.chatbot()).path("content");
        assertThat(chatbot.path("description").asText()).contains("2 breaches\n- " + minimum.message(),
                "_Inconclusive (not breaches):_\n- " + noisy.message());
        assertThat(chatbot.path("nextSteps").get(0).asText()).isEqualTo("Open the dashboard: " + link);
    }

    @Test
    void givenTheSameBreachesInAnotherOrder_whenKeyed_thenTheSameKeyAndOtherBreachesAnother() {
        Breach minimum = new Breach(Breach.MINIMUM, "f1Score", null, 0.77, 0.8, null, "m");
        Alert a = Alert.of("p", "2", List.of(REGRESSION, minimum), List.of(), null);
        Alert b = Alert.of("p", "2", List.of(minimum, REGRESSION), List.of(), null);
        Alert c = Alert.of("p", "2", List.of(minimum), List.of(), null);
        assertThat(a.key()).isEqualTo(b.key()).startsWith("BREACHES#").hasSize("BREACHES#".length() + 24);
        assertThat(c.key()).isNotEqualTo(a.key());
    }
}
