package dev.lfvmetrics.functions.testing;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads the table's real stream (as moto records it) and hands the new records over in the shape the Lambda
 * runtime gives the alert handler, so the alert tests see exactly what the table wrote.
 */
public final class StreamTail {

    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final Map<String, String> iterators = new LinkedHashMap<>();

    public StreamTail(TestAccount account) {
        this.streams = account.streams();
        this.streamArn = account.dynamo().describeTable(b -> b.tableName(TestAccount.TABLE)).table()
                .latestStreamArn();
    }

    /** The records written since the previous call (all of them on the first call). */
    public DynamodbEvent next() {
        for (Shard shard : streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards()) {
            iterators.computeIfAbsent(shard.shardId(), id -> streams.getShardIterator(b -> b.streamArn(streamArn)
                    .shardId(id).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator());
        }
        List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>();
        for (Map.Entry<String, String> entry : iterators.entrySet()) {
            String iterator = entry.getValue();
            while (iterator != null) {
                String current = iterator;
                GetRecordsResponse page = streams.getRecords(b -> b.shardIterator(current));
                page.records().forEach(r -> records.add(convert(r)));
                iterator = page.nextShardIterator();
                entry.setValue(iterator);
                if (page.records().isEmpty()) {
                    break;
                }
            }
        }
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(records);
        return event;
    }

    private static DynamodbEvent.DynamodbStreamRecord convert(Record record) {
        DynamodbEvent.DynamodbStreamRecord out = new DynamodbEvent.DynamodbStreamRecord();
        out.setEventID(record.eventID());
        out.setEventName(record.eventNameAsString());
        out.setEventSource("aws:dynamodb");
        StreamRecord stream = new StreamRecord();
        stream.setSequenceNumber(record.dynamodb().sequenceNumber());
        stream.setKeys(image(record.dynamodb().keys()));
        stream.setNewImage(record.dynamodb().hasNewImage() ? image(record.dynamodb().newImage()) : null);
        stream.setOldImage(record.dynamodb().hasOldImage() ? image(record.dynamodb().oldImage()) : null);
        out.setDynamodb(stream);
        return out;
    }

    private static Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image(
            Map<String, AttributeValue> in) {
        Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> out =
                new HashMap<>();
        in.forEach((name, value) -> out.put(name, value(value)));
        return out;
    }

    private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue value(
            AttributeValue value) {
        com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue out =
                new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
        if (value.s() != null) {
            out.setS(value.s());
        } else if (value.n() != null) {
            out.setN(value.n());
        } else if (value.hasM()) {
            out.setM(image(value.m()));
        } else if (value.bool() != null) {
            out.setBOOL(value.bool());
        }
        return out;
    }
}
