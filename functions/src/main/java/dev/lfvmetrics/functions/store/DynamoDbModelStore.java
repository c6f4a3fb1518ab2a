package dev.lfvmetrics.functions.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lfvmetrics.contracts.TableLayout;
import dev.lfvmetrics.core.json.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The store on one DynamoDB table (layout in docs/design.md). Idempotency comes from conditional writes only:
 * the model item is written when its content hash differs, the latest pointer when its version does not go down,
 * an alert record when it does not exist.
 */
public final class DynamoDbModelStore implements ModelStore {

    private static final String PROJECT_PREFIX = "PROJECT#";
    private static final String MODEL_PREFIX = "MODEL#";
    private static final String ALERT_PREFIX = "ALERT#";
    private static final String JOB_PREFIX = "JOB#";
    private static final String VERSION_PREFIX = "VERSION#";
    private static final int MAX_ASSIGN_ATTEMPTS = 100;
    private static final String LATEST = "LATEST";
    private static final String POLICY = "POLICY";
    private static final String PROJECTS = "PROJECTS";
    private static final Duration ALERT_RETENTION = Duration.ofDays(90);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    /**
     * @param dynamo the client
     * @param table  the table name
     */
    public DynamoDbModelStore(DynamoDbClient dynamo, String table) {
        this(dynamo, table, Clock.systemUTC());
    }

    /**
     * @param dynamo the client
     * @param table  the table name
     * @param clock  clock for alert expiry
     */
    public DynamoDbModelStore(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public SaveOutcome save(ModelRecord record) {
        Map<String, AttributeValue> item = modelItem(record);
        SaveOutcome outcome;
        try {
            // A pending record may only fill an empty slot or replace another record without an evaluation.
            String condition = record.pending() ? "attribute_not_exists(pk) OR (contentHash <> :h AND "
                    + "attribute_not_exists(summary))" : "attribute_not_exists(pk) OR contentHash <> :h";
            PutItemResponse response = dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression(condition)
                    .expressionAttributeValues(Map.of(":h", s(record.contentHash())))
                    .returnValues(ReturnValue.ALL_OLD));
            outcome = response.hasAttributes() && !response.attributes().isEmpty()
                    ? SaveOutcome.UPDATED : SaveOutcome.STORED;
        } catch (ConditionalCheckFailedException sameContent) {
            outcome = SaveOutcome.DUPLICATE;
        }
        // Also after a duplicate: a previous attempt may have stopped between the two writes.
        moveLatest(record);
        return outcome;
    }

    private void moveLatest(ModelRecord record) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TableLayout.PARTITION_KEY, s(PROJECT_PREFIX + record.project()));
        item.put(TableLayout.SORT_KEY, s(LATEST));
        item.put("entity", s(LATEST));
        item.put(TableLayout.INDEX_PARTITION_KEY, s(PROJECTS));
        item.put(TableLayout.INDEX_SORT_KEY, s(record.project()));
        item.put("project", s(record.project()));
        item.put("version", s(record.version()));
        item.put("versionNumber", n(record.versionNumber()));
        item.put("status", s(record.status()));
        item.put("ingestedAt", s(record.ingestedAt()));
        String evaluatedAt = Headline.evaluatedAt(record.summaryJson());
        if (evaluatedAt != null) {
            item.put("evaluatedAt", s(evaluatedAt));
        }
        Map<String, AttributeValue> headline = new HashMap<>();
        Headline.of(record.summaryJson()).forEach((name, value) -> headline.put(name, n(value)));
        item.put("headline", AttributeValue.builder().m(headline).build());
        try {
            dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR versionNumber <= :v")
                    .expressionAttributeValues(Map.of(":v", n(record.versionNumber()))));
        } catch (ConditionalCheckFailedException higherVersionIsLatest) {
            // Versions arrive out of order; the pointer keeps the highest one.
            return;
        }
    }

    @Override
    public Optional<ModelRecord> model(String project, String version) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(PROJECT_PREFIX + project, MODEL_PREFIX + Versions.padded(version)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toModel(item));
    }

    @Override
    public Optional<ModelRecord> latest(String project) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(PROJECT_PREFIX + project, LATEST))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return model(project, item.get("version").s());
    }

    @Override
    public Optional<ModelRecord> previousEvaluated(String project, String version) {
        long below = Versions.number(version) - 1;
        if (below < 1) {
            return Optional.empty();
        }
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            QueryResponse page = dynamo.query(b -> b.tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk AND sk BETWEEN :lo AND :hi")
                    .filterExpression("attribute_exists(summary)")
                    .expressionAttributeValues(Map.of(
                            ":pk", s(PROJECT_PREFIX + project),
                            ":lo", s(MODEL_PREFIX),
                            ":hi", s(MODEL_PREFIX + Versions.padded(Long.toString(below)))))
                    .scanIndexForward(false)
                    .limit(25)
                    .exclusiveStartKey(exclusiveStart));
            if (!page.items().isEmpty()) {
                return Optional.of(toModel(page.items().get(0)));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return Optional.empty();
    }

    @Override
    public Page<ModelRecord> history(String project, int limit, String next) {
        if (limit < 1 || limit > 100) {
            throw new IllegalArgumentException("limit must be 1 to 100, not " + limit);
        }
        String pk = PROJECT_PREFIX + project;
        QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :m)")
                .expressionAttributeValues(Map.of(":pk", s(pk), ":m", s(MODEL_PREFIX)))
                .scanIndexForward(false)
                .limit(limit);
        if (next != null) {
            query.exclusiveStartKey(decodeToken(next, pk));
        }
        QueryResponse page = dynamo.query(query.build());
        List<ModelRecord> items = page.items().stream().map(DynamoDbModelStore::toModel).toList();
        String token = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                ? encodeToken(page.lastEvaluatedKey()) : null;
        return new Page<>(items, token);
    }

    @Override
    public List<ProjectHead> projects() {
        List<ProjectHead> heads = new ArrayList<>();
        QueryRequest query = QueryRequest.builder().tableName(table).indexName(TableDefinition.PROJECTS_INDEX)
                .keyConditionExpression("gsi1pk = :p")
                .expressionAttributeValues(Map.of(":p", s(PROJECTS)))
                .build();
        dynamo.queryPaginator(query).items().forEach(item -> heads.add(toHead(item)));
        return heads;
    }

    @Override
    public Optional<String> policy(String project) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(PROJECT_PREFIX + project, POLICY))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item.get("policy").s());
    }

    @Override
    public void putPolicy(String project, String policyJson) {
        Map<String, AttributeValue> item = new HashMap<>(key(PROJECT_PREFIX + project, POLICY));
        item.put("entity", s(POLICY));
        item.put("policy", s(policyJson));
        item.put("updatedAt", s(clock.instant().toString()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public AlertState claimAlert(String project, String version, String breachKey) {
        Map<String, AttributeValue> item = new HashMap<>(alertKey(project, version, breachKey));
        item.put("entity", s("ALERT"));
        item.put("state", s(AlertState.PENDING.name()));
        item.put("createdAt", s(clock.instant().toString()));
        item.put(TableLayout.TTL_ATTRIBUTE, n(clock.instant().plus(ALERT_RETENTION).getEpochSecond()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return AlertState.NEW;
        } catch (ConditionalCheckFailedException exists) {
            return alertState(project, version, breachKey).orElseThrow(() -> new IllegalStateException(
                    "alert record " + breachKey + " of " + project + "/" + version + " vanished after a claim"));
        }
    }

    @Override
    public void markAlertSent(String project, String version, String breachKey) {
        dynamo.updateItem(b -> b.tableName(table).key(alertKey(project, version, breachKey))
                .updateExpression("SET #s = :sent, sentAt = :at")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeNames(Map.of("#s", "state"))
                .expressionAttributeValues(Map.of(
                        ":sent", s(AlertState.SENT.name()), ":at", s(clock.instant().toString()))));
    }

    @Override
    public Optional<AlertState> alertState(String project, String version, String breachKey) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(alertKey(project, version, breachKey))).item();
        return item == null || item.isEmpty() ? Optional.empty()
                : Optional.of(AlertState.valueOf(item.get("state").s()));
    }

    @Override
    public String assignVersion(String project, String jobArn, String requested) {
        Map<String, AttributeValue> jobKey = key(PROJECT_PREFIX + project, JOB_PREFIX + jobArn);
        Map<String, AttributeValue> known = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(jobKey))
                .item();
        if (known != null && !known.isEmpty()) {
            return known.get("version").s();
        }
        String version = requested != null ? claim(project, requested, jobArn, true) : nextFree(project, jobArn);
        Map<String, AttributeValue> item = new HashMap<>(jobKey);
        item.put("entity", s("JOB"));
        item.put("version", s(version));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return version;
        } catch (ConditionalCheckFailedException concurrentDelivery) {
            // Another delivery of the same job's event won the race: its version stands (ours stays unused).
            return dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(jobKey)).item().get("version").s();
        }
    }

    private String nextFree(String project, String jobArn) {
        long candidate = Math.max(latest(project).map(ModelRecord::versionNumber).orElse(0L),
                highestClaim(project)) + 1;
        for (int attempt = 0; attempt < MAX_ASSIGN_ATTEMPTS; attempt++, candidate++) {
            String version = claim(project, Long.toString(candidate), jobArn, false);
            if (version != null) {
                return version;
            }
        }
        throw new IllegalStateException("no free version of " + project + " after " + MAX_ASSIGN_ATTEMPTS
                + " attempts");
    }

    private long highestClaim(String project) {
        QueryResponse claims = dynamo.query(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :v)")
                .expressionAttributeValues(Map.of(":pk", s(PROJECT_PREFIX + project), ":v", s(VERSION_PREFIX)))
                .scanIndexForward(false)
                .limit(1));
        if (claims.items().isEmpty()) {
            return 0;
        }
        return Long.parseLong(claims.items().get(0).get(TableLayout.SORT_KEY).s().substring(VERSION_PREFIX.length()));
    }

    /** Claims a version for a job: null (or an exception when required) when another job has it. */
    private String claim(String project, String version, String jobArn, boolean required) {
        Map<String, AttributeValue> item = new HashMap<>(key(PROJECT_PREFIX + project,
                VERSION_PREFIX + Versions.padded(version)));
        item.put("entity", s("VERSION"));
        item.put("jobArn", s(jobArn));
        try {
            // A stored model of that version counts as taken too, unless it is this job's own.
            dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR jobArn = :arn")
                    .expressionAttributeValues(Map.of(":arn", s(jobArn))));
        } catch (ConditionalCheckFailedException taken) {
            if (required) {
                Map<String, AttributeValue> owner = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                        .key(key(PROJECT_PREFIX + project, VERSION_PREFIX + Versions.padded(version)))).item();
                throw new VersionTakenException(project, version, owner.get("jobArn").s());
            }
            return null;
        }
        if (!required && model(project, version).isPresent()) {
            return null;
        }
        return version;
    }

    /**
     * @param version a version
     * @return the sort key of its model item
     */
    public static String modelSortKey(String version) {
        return MODEL_PREFIX + Versions.padded(version);
    }

    private Map<String, AttributeValue> modelItem(ModelRecord record) {
        Map<String, AttributeValue> item = new HashMap<>(
                key(PROJECT_PREFIX + record.project(), modelSortKey(record.version())));
        item.put("entity", s("MODEL"));
        item.put("project", s(record.project()));
        item.put("version", s(record.version()));
        item.put("versionNumber", n(record.versionNumber()));
        item.put("status", s(record.status()));
        item.put("ingestedAt", s(record.ingestedAt()));
        item.put("source", s(record.source()));
        item.put("contentHash", s(record.contentHash()));
        putIfPresent(item, "statusMessage", record.statusMessage());
        putIfPresent(item, "summary", record.summaryJson());
        putIfPresent(item, "detailsKey", record.detailsKey());
        putIfPresent(item, "training", record.trainingJson());
        return item;
    }

    /**
     * Reads a model item, as the table and its stream hold it.
     *
     * @param item the item's attributes
     * @return the model
     */
    public static ModelRecord toModel(Map<String, AttributeValue> item) {
        return new ModelRecord(
                text(item, "project"), text(item, "version"), text(item, "status"), text(item, "statusMessage"),
                text(item, "summary"), text(item, "ingestedAt"), text(item, "source"), text(item, "detailsKey"),
                text(item, "contentHash"), text(item, "training"));
    }

    private static ProjectHead toHead(Map<String, AttributeValue> item) {
        Map<String, Double> headline = new HashMap<>();
        AttributeValue figures = item.get("headline");
        if (figures != null && figures.hasM()) {
            figures.m().forEach((name, value) -> headline.put(name, Double.valueOf(value.n())));
        }
        return new ProjectHead(text(item, "project"), text(item, "version"), text(item, "status"),
                text(item, "ingestedAt"), text(item, "evaluatedAt"), headline);
    }

    private static String encodeToken(Map<String, AttributeValue> lastKey) {
        ObjectNode token = Json.mapper().createObjectNode();
        lastKey.forEach((name, value) -> token.put(name, value.s()));
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(token.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, AttributeValue> decodeToken(String token, String pk) {
        JsonNode decoded;
        try {
            decoded = Json.mapper().readTree(Base64.getUrlDecoder().decode(token));
        } catch (IllegalArgumentException | IOException e) {
            throw new InvalidPageTokenException("not a token issued by this listing");
        }
        if (decoded == null || !pk.equals(decoded.path("pk").asText(null))
                || !decoded.path("sk").asText("").startsWith(MODEL_PREFIX) || decoded.size() != 2) {
            throw new InvalidPageTokenException("not a token issued by this listing");
        }
        return key(pk, decoded.path("sk").asText());
    }

    private static Map<String, AttributeValue> alertKey(String project, String version, String breachKey) {
        return key(PROJECT_PREFIX + project, ALERT_PREFIX + version + "#" + breachKey);
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(TableLayout.PARTITION_KEY, s(pk), TableLayout.SORT_KEY, s(sk));
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }

    private static AttributeValue n(long value) {
        return AttributeValue.builder().n(Long.toString(value)).build();
    }

    private static AttributeValue n(double value) {
        return AttributeValue.builder().n(BigDecimal.valueOf(value).toPlainString()).build();
    }
}
