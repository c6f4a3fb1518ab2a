package dev.lfvmetrics.functions.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lfvmetrics.contracts.ErrorCodes;
import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.functions.artifacts.Failures;
import dev.lfvmetrics.functions.log.JsonLog;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns the service's outcome into an HTTP answer: errors as {@code {"error":{"code","message"}}}; an unexpected
 * failure is logged with the request id and answered with a generic message carrying that id, never its text.
 * Shared by the Lambda handler and the local mode's server.
 */
public final class Responder {

    private static final JsonLog LOG = JsonLog.of(Responder.class);

    private Responder() {
    }

    /**
     * @param service the API service
     * @param request the request
     * @return the answer, never an exception
     */
    public static ApiResponse respond(ApiService service, ApiRequest request) {
        try {
            ApiResponse response = service.handle(request);
            LOG.info("request served", "method", request.method(), "path", request.path(),
                    "status", response.status());
            return response;
        } catch (ApiException e) {
            LOG.info("request refused", "method", request.method(), "path", request.path(), "status", e.status(),
                    "code", e.code(), "reason", e.getMessage());
            return error(e.status(), e.code(), e.getMessage(), e.headers());
        } catch (RuntimeException e) {
            boolean retry = Failures.isTransient(e);
            LOG.error("request failed", e, "method", request.method(), "path", request.path(),
                    "requestId", request.requestId());
            return retry
                    ? error(503, ErrorCodes.SERVICE_UNAVAILABLE, "temporarily unavailable, retry; request id "
                            + request.requestId(), Map.of("Retry-After", "1"))
                    : error(500, ErrorCodes.INTERNAL_ERROR, "internal error; request id " + request.requestId(),
                            Map.of());
        }
    }

    private static ApiResponse error(int status, String code, String message, Map<String, String> headers) {
        ObjectNode root = Json.mapper().createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("code", code);
        error.put("message", message);
        ApiResponse json = ApiResponse.json(status, root.toString());
        Map<String, String> all = new HashMap<>(headers);
        return new ApiResponse(status, json.contentType(), json.body(), all);
    }
}
