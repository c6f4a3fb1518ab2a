package dev.lfvmetrics.functions.alert;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.lfvmetrics.functions.artifacts.StoredImages;
import dev.lfvmetrics.functions.config.Wiring;
import dev.lfvmetrics.functions.log.JsonLog;
import dev.lfvmetrics.functions.store.DynamoDbModelStore;
import dev.lfvmetrics.functions.store.ModelRecord;
import dev.lfvmetrics.functions.store.ModelStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The table's stream: new or changed model items raise alerts. Failures are reported per record (partial batch
 * response), so only the failed record and those after it are retried, then land in the on-failure destination.
 */
public final class AlertHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private static final JsonLog LOG = JsonLog.of(AlertHandler.class);

    private final AlertService service;

    /** Production wiring, built once per execution environment. */
    public AlertHandler() {
        this(build(Wiring.fromEnvironment()));
    }

    /**
     * @param service the service to call
     */
    public AlertHandler(AlertService service) {
        this.service = service;
    }

    /**
     * @param wiring adapters
     * @return the alert service on them
     */
    public static AlertService build(Wiring wiring) {
        ModelStore store = wiring.store();
        return new AlertService(store, new Verdicts(store, wiring.config().defaultPolicy(),
                new StoredImages(wiring.objects(), wiring.config().detailsBucket())), wiring.notifier(),
                wiring.config().dashboardUrl());
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            JsonLog.begin(context == null ? null : context.getAwsRequestId(), record.getEventID());
            ModelRecord model = changedModel(record);
            if (model == null) {
                continue;
            }
            JsonLog.put("project", model.project());
            JsonLog.put("version", model.version());
            try {
                service.process(model);
            } catch (RuntimeException e) {
                // Reported, not swallowed: the stream redelivers this record; its PENDING alerts publish then.
                LOG.error("alerts of a model failed", e);
                LOG.count("AlertFailure", "kind", "publish");
                failures.add(new StreamsEventResponse.BatchItemFailure(record.getDynamodb().getSequenceNumber()));
            }
        }
        return new StreamsEventResponse(failures);
    }

    /**
     * @param record a stream record
     * @return the model it inserted or changed, or null for other items, removals and unchanged content
     */
    static ModelRecord changedModel(DynamodbEvent.DynamodbStreamRecord record) {
        if (record.getDynamodb() == null || "REMOVE".equals(record.getEventName())) {
            return null;
        }
        Map<String, AttributeValue> image = strings(record.getDynamodb().getNewImage());
        if (image.get("entity") == null || !"MODEL".equals(image.get("entity").s())) {
            return null;
        }
        Map<String, AttributeValue> old = strings(record.getDynamodb().getOldImage());
        if (old.get("contentHash") != null && image.get("contentHash") != null
                && old.get("contentHash").s().equals(image.get("contentHash").s())) {
            return null;
        }
        return DynamoDbModelStore.toModel(image);
    }

    private static Map<String, AttributeValue> strings(
            Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
        Map<String, AttributeValue> out = new HashMap<>();
        if (image != null) {
            image.forEach((name, value) -> {
                if (value.getS() != null) {
                    out.put(name, AttributeValue.fromS(value.getS()));
                }
            });
        }
        return out;
    }
}
