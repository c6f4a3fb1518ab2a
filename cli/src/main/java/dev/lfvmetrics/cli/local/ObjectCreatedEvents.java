package dev.lfvmetrics.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lfvmetrics.contracts.EventTypes;
import dev.lfvmetrics.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

/** S3 Object Created events as EventBridge delivers them, for files of the local artifacts folder. */
final class ObjectCreatedEvents {

    private ObjectCreatedEvents() {
    }

    /**
     * @param relative a file's path below the artifacts folder: its first part is the bucket, the rest the key
     * @return the event
     */
    static JsonNode of(Path relative) {
        if (relative.getNameCount() < 2) {
            throw new IllegalArgumentException(relative + " is not inside a bucket folder");
        }
        String bucket = relative.getName(0).toString();
        String key = relative.subpath(1, relative.getNameCount()).toString().replace('\\', '/');
        ObjectNode event = Json.mapper().createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.nameUUIDFromBytes((bucket + "/" + key).getBytes(StandardCharsets.UTF_8))
                .toString());
        event.put("detail-type", EventTypes.OBJECT_CREATED);
        event.put("source", EventTypes.S3_SOURCE);
        event.putArray("resources").add("arn:aws:s3:::" + bucket);
        ObjectNode detail = event.putObject("detail");
        detail.put("version", "0");
        detail.putObject("bucket").put("name", bucket);
        detail.putObject("object").put("key", key);
        detail.put("reason", "PutObject");
        return event;
    }
}
