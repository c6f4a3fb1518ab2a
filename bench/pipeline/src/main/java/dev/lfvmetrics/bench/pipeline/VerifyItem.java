package dev.lfvmetrics.bench.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.functions.config.AwsClients;
import dev.lfvmetrics.functions.config.Config;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Checks what an ingest left behind: the model item and the latest pointer in the table (item size by DynamoDB's
 * sizing rules, which must stay under 400 KB), the summary's image count, and the details objects in S3 (the
 * per-image file must hold one line per image). Exits 1 when any check fails.
 *
 * <p>Usage (environment as for the handlers): {@code VerifyItem PROJECT VERSION EXPECTED_IMAGES}
 */
public final class VerifyItem {

    private static final int ITEM_LIMIT = 400 * 1024;

    private VerifyItem() {
    }

    public static void main(String[] args) throws Exception {
        String project = args[0];
        String version = args[1];
        long expected = Long.parseLong(args[2]);
        Config config = Config.fromEnvironment();
        AwsClients clients = new AwsClients(config);
        DynamoDbClient dynamo = clients.dynamoDb();
        String pk = "PROJECT#" + project;
        Map<String, AttributeValue> model = dynamo.getItem(b -> b.tableName(config.tableName()).consistentRead(true)
                .key(Map.of("pk", s(pk), "sk", s("MODEL#" + "0".repeat(10 - version.length()) + version)))).item();
        Map<String, AttributeValue> latest = dynamo.getItem(b -> b.tableName(config.tableName())
                .consistentRead(true).key(Map.of("pk", s(pk), "sk", s("LATEST")))).item();
        boolean ok = true;
        if (model == null || model.isEmpty()) {
            System.out.println("FAIL no model item for " + project + " v" + version);
            System.exit(1);
        }
        long modelBytes = itemSize(model);
        JsonNode summary = Json.mapper().readTree(model.get("summary").s());
        long images = summary.path("metrics").path("images").asLong(-1);
        System.out.println("model item: " + modelBytes + " bytes (limit " + ITEM_LIMIT + "), summary "
                + model.get("summary").s().getBytes(StandardCharsets.UTF_8).length + " bytes, status "
                + model.get("status").s() + ", metrics.images " + images + ", f1Score "
                + summary.path("metrics").path("f1Score").asText() + ", rocAuc "
                + summary.path("metrics").path("rocAuc").asText() + ", curve points roc "
                + summary.path("curves").path("roc").size() + ", misclassified kept "
                + summary.path("misclassified").path("images").size() + " of "
                + summary.path("misclassified").path("total").asText());
        ok &= modelBytes < ITEM_LIMIT;
        ok &= images == expected;
        if (latest == null || latest.isEmpty() || !version.equals(latest.get("version").s())) {
            System.out.println("FAIL latest pointer missing or not at v" + version);
            ok = false;
        } else {
            System.out.println("latest item: " + itemSize(latest) + " bytes, version " + latest.get("version").s());
        }
        S3Client s3 = clients.s3();
        String detailsKey = model.get("detailsKey").s();
        long detailsSize = s3.headObject(b -> b.bucket(config.detailsBucket()).key(detailsKey + "details.json"))
                .contentLength();
        long lines = 0;
        long imagesSize;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(s3.getObject(
                b -> b.bucket(config.detailsBucket()).key(detailsKey + "images.jsonl")), StandardCharsets.UTF_8))) {
            imagesSize = 0;
            String line;
            while ((line = in.readLine()) != null) {
                lines++;
                imagesSize += line.getBytes(StandardCharsets.UTF_8).length + 1;
            }
        }
        System.out.println("details: s3://" + config.detailsBucket() + "/" + detailsKey + "details.json "
                + detailsSize + " bytes; images.jsonl " + imagesSize + " bytes, " + lines + " lines");
        ok &= lines == expected;
        System.out.println(ok ? "OK" : "FAIL");
        System.exit(ok ? 0 : 1);
    }

    /** DynamoDB's item size: attribute names plus values (strings as UTF-8, numbers about 1 byte per 2 digits). */
    static long itemSize(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            size += e.getKey().getBytes(StandardCharsets.UTF_8).length + valueSize(e.getValue());
        }
        return size;
    }

    private static long valueSize(AttributeValue v) {
        if (v.s() != null) {
            return v.s().getBytes(StandardCharsets.UTF_8).length;
        }
        if (v.n() != null) {
            return (v.n().replaceAll("[^0-9]", "").length() + 1) / 2 + 1;
        }
        if (v.bool() != null || Boolean.TRUE.equals(v.nul())) {
            return 1;
        }
        if (v.hasM()) {
            return 3 + itemSize(v.m()) + v.m().size();
        }
        if (v.hasL()) {
            long size = 3;
            for (AttributeValue element : v.l()) {
                size += 1 + valueSize(element);
            }
            return size;
        }
        return v.b() == null ? 0 : v.b().asByteArray().length;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }
}
