package dev.lfvmetrics.functions.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.core.policy.Breach;
import dev.lfvmetrics.core.policy.Evidence;
import dev.lfvmetrics.functions.notify.Notification;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Words for an alert, per channel: a one-line subject, a plain-text body for email, and the AWS Chatbot
 * custom-notification document for Slack (payloads outside that schema are dropped by Chatbot).
 */
public final class AlertMessages {

    /** Breaches listed in a chat message; the e-mail lists all of them. */
    private static final int MAX_BULLETS = 10;

    private AlertMessages() {
    }

    /**
     * @param alert the alert
     * @return the notification
     */
    public static Notification render(Alert alert) {
        List<Breach> breaches = alert.breaches();
        String what;
        if (breaches.isEmpty()) {
            what = "training failed";
        } else {
            Breach first = breaches.stream().filter(b -> b.kind().equals(alert.kind())).findFirst()
                    .orElse(breaches.get(0));
            what = breaches.size() == 1 ? headline(first) : breaches.size() + " breaches: " + headline(first);
        }
        String subject = subject("[lfv-metrics] " + alert.project() + " v" + alert.version() + ": " + what);
        StringBuilder text = new StringBuilder();
        text.append("Project: ").append(alert.project()).append('\n');
        text.append("Model version: ").append(alert.version()).append('\n');
        text.append("Severity: ").append(alert.severity()).append('\n');
        text.append("Kind: ").append(alert.kind()).append("\n\n");
        if (breaches.isEmpty()) {
            text.append("The training of this model version failed.\n");
            text.append("Status message: ").append(alert.message() == null ? "(none)" : alert.message()).append('\n');
        } else {
            text.append(breaches.size() == 1 ? "1 breach" : breaches.size() + " breaches").append(":\n");
            int n = 1;
            for (Breach b : breaches) {
                text.append('\n').append(n++).append(". ").append(b.kind()).append(' ')
                        .append(b.label() == null ? "" : b.label() + ".").append(b.metric()).append('\n');
                text.append("   ").append(b.message()).append('\n');
                text.append("   ").append(figures(b)).append('\n');
                if (b.evidence() != null && b.evidence().method() != null) {
                    text.append("   ").append(evidence(b.evidence())).append('\n');
                }
            }
            if (!alert.inconclusive().isEmpty()) {
                text.append("\nInconclusive drops (not breaches: the paired tests cannot tell them from noise):\n");
                for (Breach b : alert.inconclusive()) {
                    text.append("- ").append(b.message()).append('\n');
                }
            }
        }
        text.append('\n');
        if (alert.link() != null) {
            text.append("Dashboard: ").append(alert.link()).append('\n');
        }
        text.append("Details: GET /projects/").append(alert.project()).append("/models/").append(alert.version())
                .append('\n');
        return new Notification(subject, text.toString(), chatbot(alert, subject, what),
                Map.of("project", alert.project(), "severity", alert.severity(), "kind", alert.kind()));
    }

    private static String figures(Breach b) {
        StringBuilder out = new StringBuilder("Value: ").append(number(b.actual()));
        if (b.baseline() != null) {
            out.append(" | Previous version: ").append(number(b.baseline()));
        }
        boolean relative = b.evidence() != null && Boolean.TRUE.equals(b.evidence().relative());
        out.append(switch (b.kind()) {
            case Breach.REGRESSION -> relative ? " | Largest allowed relative drop: " : " | Largest allowed drop: ";
            case Breach.MAXIMUM -> " | Maximum: ";
            case Breach.UNDEFINED -> " | Limit: ";
            default -> " | Minimum: ";
        }).append(number(b.limit()));
        if (b.evidence() != null && b.evidence().threshold() != null) {
            out.append(" | Threshold: ").append(number(b.evidence().threshold()));
        }
        return out.toString();
    }

    private static String evidence(Evidence e) {
        StringBuilder out = new StringBuilder(e.method().equals(Evidence.UNTESTED) ? "Test: none" : "Method: "
                + e.method());
        if (e.level() != null) {
            out.append(", ").append(Evidence.levelText(e.level()));
        }
        if (e.low() != null && e.high() != null) {
            out.append(", interval ").append(number(e.low())).append(" to ").append(number(e.high()));
        }
        if (e.pValue() != null) {
            out.append(", p = ").append(Evidence.pValueText(e.pValue()));
        }
        if (e.images() != null) {
            out.append(", on ").append(e.images()).append(" images");
        }
        if (e.note() != null) {
            out.append(" (").append(e.note()).append(')');
        }
        return out.toString();
    }

    private static String headline(Breach b) {
        String metric = b.label() == null ? b.metric() : b.label() + " " + b.metric();
        return switch (b.kind()) {
            case Breach.REGRESSION -> b.evidence() != null && Boolean.TRUE.equals(b.evidence().relative())
                    ? metric + " dropped " + percent(drop(b) / b.baseline()) + " (max " + percent(b.limit()) + ")"
                    : metric + " dropped " + number(drop(b)) + " (max " + number(b.limit()) + ")";
            case Breach.OPERATING_POINT -> metric + "@" + b.evidence().at() + " " + number(b.actual())
                    + " below minimum " + number(b.limit());
            case Breach.UNDEFINED -> metric + " undefined (limit " + number(b.limit()) + ")";
            case Breach.MAXIMUM -> metric + " " + number(b.actual()) + " above maximum " + number(b.limit());
            case Breach.INSUFFICIENT_DATA -> "only " + count(b.actual()) + (b.metric().equals("images") ? ""
                    : " " + b.metric()) + " test images (minimum " + count(b.limit()) + ")";
            default -> metric + " " + number(b.actual()) + " below minimum " + number(b.limit());
        };
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
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
        StringBuilder description = new StringBuilder("*" + alert.project() + "* version " + alert.version() + ": ");
        if (alert.breaches().isEmpty()) {
            description.append("training failed. ").append(alert.message() == null ? ""
                    : "`" + alert.message().replace('`', '\'') + "`");
        } else {
            description.append(alert.breaches().size() == 1 ? "1 breach" : alert.breaches().size() + " breaches");
            bullets(alert.breaches(), description);
            if (!alert.inconclusive().isEmpty()) {
                description.append("\n_Inconclusive (not breaches):_");
                bullets(alert.inconclusive(), description);
            }
        }
        content.put("description", description.toString());
        ArrayNode steps = content.putArray("nextSteps");
        if (alert.link() != null) {
            steps.add("Open the dashboard: " + alert.link());
        }
        steps.add("Open the model: GET /projects/" + alert.project() + "/models/" + alert.version());
        if (!alert.breaches().isEmpty()) {
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

    private static void bullets(List<Breach> breaches, StringBuilder out) {
        int shown = 0;
        for (Breach b : breaches) {
            if (shown++ == MAX_BULLETS) {
                out.append("\n- and ").append(breaches.size() - MAX_BULLETS).append(" more");
                return;
            }
            out.append("\n- ").append(b.message().replace('`', '\''));
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
