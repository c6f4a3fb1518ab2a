package dev.lfvmetrics.cli.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.functions.notify.Notification;
import dev.lfvmetrics.functions.notify.Notifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.UUID;

/**
 * The local mode's alert channel: prints each alert and appends it, as one JSON line, to {@code alerts.jsonl} in the
 * state folder. The line holds what SNS would have carried: subject, text, the Chatbot payload and the attributes.
 */
public final class ConsoleNotifier implements Notifier {

    private final Path log;
    private final PrintWriter out;
    private final Clock clock;

    /**
     * @param log   the alerts.jsonl file
     * @param out   where to print
     * @param clock clock for the timestamp
     */
    public ConsoleNotifier(Path log, PrintWriter out, Clock clock) {
        this.log = log;
        this.out = out;
        this.clock = clock;
    }

    @Override
    public synchronized String publish(Notification notification) {
        String id = UUID.randomUUID().toString();
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("messageId", id);
        line.put("publishedAt", clock.instant().toString());
        line.put("subject", notification.subject());
        line.put("text", notification.text());
        line.set("attributes", Json.mapper().valueToTree(notification.attributes()));
        line.put("chatbot", notification.chatbot());
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.writeString(log, Json.mapper().writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append the alert to " + log, e);
        }
        out.println("ALERT [" + notification.attributes().getOrDefault("severity", "?") + "] "
                + notification.subject());
        out.println(indent(notification.text()));
        out.flush();
        return id;
    }

    private static String indent(String text) {
        return "    " + text.strip().replace("\n", "\n    ");
    }
}
