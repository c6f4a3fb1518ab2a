package dev.lfvmetrics.functions.api;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One HTTP response.
 *
 * @param status      status code
 * @param contentType MIME type, null for no body
 * @param body        body bytes
 * @param headers     other headers
 */
public record ApiResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

    /** The JSON media type. */
    public static final String JSON = "application/json; charset=utf-8";

    public ApiResponse {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    /**
     * @param status status code
     * @param json   JSON text
     * @return a JSON response
     */
    public static ApiResponse json(int status, String json) {
        return new ApiResponse(status, JSON, json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** @return true when the body is text (sent as is) rather than bytes (sent base64-encoded) */
    public boolean textual() {
        return contentType == null || contentType.startsWith("text/") || contentType.startsWith("application/json")
                || contentType.startsWith("image/svg") || contentType.startsWith("application/javascript");
    }

    /** @return the body as UTF-8 text */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
