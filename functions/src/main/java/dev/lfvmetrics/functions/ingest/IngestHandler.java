package dev.lfvmetrics.functions.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lfvmetrics.contracts.MetricNames;
import dev.lfvmetrics.core.evaluate.EvaluationOptions;
import dev.lfvmetrics.core.evaluate.Evaluator;
import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.functions.artifacts.ObjectStore;
import dev.lfvmetrics.functions.config.Wiring;
import dev.lfvmetrics.functions.log.JsonLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;

/** EventBridge target: S3 Object Created, the watcher's finished event and backfill events. */
public final class IngestHandler implements RequestStreamHandler {

    private static final JsonLog LOG = JsonLog.of(IngestHandler.class);

    private final IngestService service;

    /** Production wiring, built once per execution environment. */
    public IngestHandler() {
        this(build(Wiring.fromEnvironment()));
    }

    /**
     * @param service the service to call
     */
    public IngestHandler(IngestService service) {
        this.service = service;
    }

    /**
     * @param wiring adapters
     * @return the ingest service on them
     */
    public static IngestService build(Wiring wiring) {
        ObjectStore objects = wiring.objects();
        return new IngestService(wiring.config(), objects, wiring.catalog(objects),
                wiring.sageMakerCatalog(objects), wiring.store(),
                new Evaluator(EvaluationOptions.defaults()), Clock.systemUTC());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonLog.begin(context == null ? null : context.getAwsRequestId(), null);
        IngestResult result;
        try {
            JsonNode event = Json.mapper().readTree(input);
            JsonLog.put("eventId", event == null ? null : event.path("id").asText(null));
            result = service.ingest(event);
        } catch (JsonProcessingException e) {
            LOG.error("event is not JSON", e);
            result = IngestResult.of(IngestOutcome.REJECTED, "event is not JSON");
        }
        LOG.count(MetricNames.INGEST_OUTCOME, MetricNames.OUTCOME, result.outcome().name());
        LOG.info("event handled", "outcome", result.outcome().name(), "reason", result.reason());
        Json.mapper().writeValue(output, result);
    }
}
