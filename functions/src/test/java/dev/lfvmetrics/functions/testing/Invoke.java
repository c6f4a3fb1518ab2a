package dev.lfvmetrics.functions.testing;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lfvmetrics.core.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Calls stream handlers the way the Lambda runtime does: raw JSON in, raw JSON out. */
public final class Invoke {

    private Invoke() {
    }

    /** The text of a sample event from events/. */
    public static String event(String name) {
        try (InputStream in = Invoke.class.getResourceAsStream("/events/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no sample event " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode handler(RequestStreamHandler handler, String input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, null);
            return Json.mapper().readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
