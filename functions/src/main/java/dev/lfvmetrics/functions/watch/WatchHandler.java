package dev.lfvmetrics.functions.watch;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.functions.config.Wiring;
import dev.lfvmetrics.functions.log.JsonLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Step Functions task of the wait loop: {@code {"project","version"}} in, the model's status out. A model that
 * does not exist fails the task with {@code ModelNotFoundException}; throttling fails it with the SDK's error,
 * which the state machine retries.
 */
public final class WatchHandler implements RequestStreamHandler {

    private static final JsonLog LOG = JsonLog.of(WatchHandler.class);

    private final WatchService service;

    /** Production wiring, built once per execution environment. */
    public WatchHandler() {
        this(build(Wiring.fromEnvironment()));
    }

    /**
     * @param service the service to call
     */
    public WatchHandler(WatchService service) {
        this.service = service;
    }

    /**
     * @param wiring adapters
     * @return the watch service on them
     */
    public static WatchService build(Wiring wiring) {
        return new WatchService(wiring.catalog(wiring.objects()));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonLog.begin(context == null ? null : context.getAwsRequestId(), null);
        JsonNode request = Json.mapper().readTree(input);
        String project = request == null ? null : request.path("project").asText(null);
        String version = request == null ? null : request.path("version").asText(null);
        JsonLog.put("project", project);
        JsonLog.put("version", version);
        WatchResult result = service.watch(project, version);
        LOG.info("model polled", "status", result.status(), "final", String.valueOf(result.isFinal()));
        Json.mapper().writeValue(output, result);
    }
}
