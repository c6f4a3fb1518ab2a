package dev.lfvmetrics.functions.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.lfvmetrics.functions.store.ModelRecord;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertHandlerTest {

    private final DynamodbEvent event = EventLoader.loadDynamoDbEvent("events/dynamodb-stream-training-failed.json");

    @Test
    void aNewModelItemIsAChangedModel() {
        ModelRecord model = AlertHandler.changedModel(event.getRecords().get(0));

        assertThat(model.project()).isEqualTo("circuit-board");
        assertThat(model.version()).isEqualTo("3");
        assertThat(model.status()).isEqualTo(ModelRecord.TRAINING_FAILED);
        assertThat(model.statusMessage()).contains("too few anomalous images");
    }

    @Test
    void otherItemsAreNotModels() {
        assertThat(AlertHandler.changedModel(event.getRecords().get(1))).isNull();
    }

    @Test
    void aModificationWithTheSameContentHashIsNotAChange() {
        DynamodbEvent.DynamodbStreamRecord record = event.getRecords().get(0);
        record.setEventName("MODIFY");
        Map<String, AttributeValue> old = new HashMap<>(record.getDynamodb().getNewImage());
        record.getDynamodb().setOldImage(old);

        assertThat(AlertHandler.changedModel(record)).isNull();

        old.put("contentHash", new AttributeValue().withS("another"));
        assertThat(AlertHandler.changedModel(record)).isNotNull();
    }

    @Test
    void aRemovalIsNotAChange() {
        DynamodbEvent.DynamodbStreamRecord record = event.getRecords().get(0);
        record.setEventName("REMOVE");

        assertThat(AlertHandler.changedModel(record)).isNull();
    }
}
