package dev.lfvmetrics.cli.loopback;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.lfvmetrics.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What both local servers (the local mode's API and the dashboard's signing proxy) check before serving: the
 * request names this server by a loopback host, so a page of another site that re-points its host name at 127.0.0.1
 * (DNS rebinding) gets nothing, not even {@code PUT /thresholds}; and a body is read only up to a cap.
 */
public final class LoopbackGuard {

    /** Largest request body either server reads (a threshold policy is a few hundred bytes). */
    public static final int MAX_BODY = 1024 * 1024;

    private LoopbackGuard() {
    }

    /**
     * @param host the request's Host header
     * @param port the port the server listens on
     * @return whether it names this server on loopback: 127.0.0.1, localhost or [::1], with the port
     */
    public static boolean isLoopbackHost(String host, int port) {
        String suffix = ":" + port;
        return host != null && (host.equals("127.0.0.1" + suffix) || host.equals("localhost" + suffix)
                || host.equals("[::1]" + suffix));
    }

    /**
     * @param in the request body
     * @return the body, or {@code null} when it is longer than {@value #MAX_BODY} bytes (it is not read further)
     * @throws IOException when it cannot be read
     */
    public static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        return body.length > MAX_BODY ? null : body;
    }

    /**
     * Answers with the API's error document, {@code {"error":{"code","message"}}}.
     *
     * @param exchange the exchange
     * @param status   HTTP status
     * @param code     one of contracts' ErrorCodes
     * @param message  for a human; '<' is escaped, so an echoed path cannot become markup anywhere it is shown
     * @throws IOException when the answer cannot be written
     */
    public static void sendError(HttpExchange exchange, int status, String code, String message) throws IOException {
        ObjectNode root = Json.mapper().createObjectNode();
        root.putObject("error").put("code", code).put("message", message);
        byte[] body = root.toString().replace("<", "\\u003c").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
