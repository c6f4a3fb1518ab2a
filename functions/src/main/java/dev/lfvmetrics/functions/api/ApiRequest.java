package dev.lfvmetrics.functions.api;

import java.util.Map;

/**
 * One HTTP request, independent of the runtime that received it (API Gateway, or the local mode's server).
 *
 * @param method    HTTP method, upper case
 * @param path      raw path, starting with '/'
 * @param query     query parameters (first value of each)
 * @param body      request body as text, null when absent
 * @param requestId an id for the logs and for 500 answers
 */
public record ApiRequest(String method, String path, Map<String, String> query, String body, String requestId) {

    public ApiRequest {
        query = query == null ? Map.of() : Map.copyOf(query);
    }
}
