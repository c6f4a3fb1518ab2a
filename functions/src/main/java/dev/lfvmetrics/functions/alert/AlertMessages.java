package dev.lfvmetrics.functions.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.core.policy.Breach;
import dev.lfvmetrics.functions.notify.Notification;
import java.util.Locale;
import java.util.Map;

/**
 * Words for an alert, per channel: a one-line subject, a plain-text body for email, and the AWS Chatbot
 * custom-notification document for Slack (payloads outside that schema are dropped by Chatbot).
 */
public final class AlertMessages {

    private AlertMessages() {
    }

    /**
     * @param alert the alert
     * @return the notification
     */
    public static Notification render(Alert alert) {
        String what = alert.breach() == null ? "training failed" : headline(alert.breach());
        String subject = subject("[lfv-metrics] " + alert.project() + " v" + alert.version() + ": " + what);
        StringBuilder text = new StringBuilder();
        text.append("Project: ").append(alert.project()).append('\n');
        text.append("Model version: ").append(alert.version()).append('\n');
        text.append("Severity: ").append(alert.severity()).append('\n');
        text.append("Kind: ").append(alert.kind()).append("\n\n");
        if (alert.breach() == null) {
            text.append("The training of this model version failed.\n");
            text.append("Status message: ").append(alert.message() == null ? "(none)" : alert.message()).append('\n');
        } else {
            Breach b = alert.breach();
            text.append(b.message()).append('\n');
            text.append("Metric: ").append(b.metric()).append(b.label() == null ? "" : " of label " + b.label())
                    .append('\n');
            text.append("Value: ").append(number(b.actual())).append('\n');
            text.append(switch (b.kind()) {
                case Breach.REGRESSION -> "Largest allowed drop: ";
                case Breach.MAXIMUM -> "Maximum: ";
                case Breach.UNDEFINED -> "Limit: ";
                default -> "Minimum: ";
            }).append(number(b.limit())).append('\n');
            if (b.baseline() != null) {
                text.append("Previous version's value: ").append(number(b.baseline())).append('\n');
            }
        }
        text.append("\nDetails: GET /projects/").append(alert.project()).append("/models/").append(alert.version())
                .append('\n');
        return new Notification(subject, text.toString(), chatbot(alert, subject, what),
                Map.of("project", alert.project(), "severity", alert.severity(), "kind", alert.kind()));
    }

    private static String headline(Breach b) {
        String metric = b.label() == null ? b.metric() : b.label() + " " + b.metric();
        return switch (b.kind()) {
            case Breach.REGRESSION -> metric + " dropped " + number(drop(b)) + " (max " + number(b.limit()) + ")";
            case Breach.UNDEFINED -> metric + " undefined (limit " + number(b.limit()) + ")";
            case Breach.MAXIMUM -> metric + " " + number(b.actual()) + " above maximum " + number(b.limit());
            case Breach.INSUFFICIENT_DATA -> "only " + count(b.actual()) + (b.metric().equals("images") ? ""
                    : " " + b.metric()) + " test images (minimum " + count(b.limit()) + ")";
            default -> metric + " " + number(b.actual()) + " below minimum " + number(b.limit());
        };
    }

    private static String count(Double value) {
        return value == null ? "none" : String.valueOf(value.longValue());
    }

    private static Double drop(Breach b) {
        return b.actual() == null || b.baseline() == null ? null : b.baseline() - b.actual();
    }

    private static String chatbot(Alert alert, String subject, String what) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("version", "1.0");
        root.put("source", "custom");
        ObjectNode content = root.putObject("content");
        content.put("textType", "client-markdown");
        content.put("title", subject);
        String description = alert.breach() == null
                ? "*" + alert.project() + "* version " + alert.version() + ": training failed. "
                        + (alert.message() == null ? "" : "`" + alert.message().replace('`', '\'') + "`")
                : "*" + alert.project() + "* version " + alert.version() + ": " + alert.breach().message();
        content.put("description", description);
        ArrayNode steps = content.putArray("nextSteps");
        steps.add("Open the model: GET /projects/" + alert.project() + "/models/" + alert.version());
        if (alert.breach() != null) {
            steps.add("Compare with the previous version: GET /projects/" + alert.project()
                    + "/compare?base=<previous>&candidate=" + alert.version());
        }
        ArrayNode keywords = content.putArray("keywords");
        keywords.add(alert.project());
        keywords.add(alert.kind());
        keywords.add(alert.severity());
        ObjectNode metadata = root.putObject("metadata");
        metadata.put("threadId", "lfv-metrics-" + alert.project());
        metadata.put("summary", what);
        metadata.put("eventType", "lfv-metrics " + alert.kind().toLowerCase(Locale.ROOT));
        ObjectNode context = metadata.putObject("additionalContext");
        context.put("project", alert.project());
        context.put("version", alert.version());
        try {
            return Json.mapper().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }

    /**
     * @param raw any text
     * @return one line of at most 99 printable ASCII characters, as SNS requires of a subject
     */
    static String subject(String raw) {
        // SNS takes printable ASCII only in a subject: labels may carry other characters.
        String line = raw.replaceAll("[\\r\\n\\t]+", " ").replaceAll("[\\p{Cntrl}]", "")
                .replaceAll("[^\\x20-\\x7E]", "?").trim();
        return line.length() <= Notification.MAX_SUBJECT ? line
                : line.substring(0, Notification.MAX_SUBJECT - 3) + "...";
    }

    private static String number(Double value) {
        return value == null ? "undefined" : String.format(Locale.ROOT, "%.4f", value);
    }
}
