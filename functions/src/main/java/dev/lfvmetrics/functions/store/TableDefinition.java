package dev.lfvmetrics.functions.store;

import dev.lfvmetrics.contracts.TableLayout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The table layout of docs/design.md as code, for runtimes that create their own table (the local mode against an
 * emulator, the tests). The stack declares the same layout in CDK.
 */
public final class TableDefinition {

    /** Name of the global secondary index listing projects. */
    public static final String PROJECTS_INDEX = TableLayout.PROJECTS_INDEX;
    /** Attribute DynamoDB's TTL deletes expired alert records by. */
    public static final String TTL_ATTRIBUTE = TableLayout.TTL_ATTRIBUTE;

    private TableDefinition() {
    }

    /**
     * Creates the table unless it exists, and waits until it is active.
     *
     * @param dynamo the client
     * @param table  the table name
     * @return true when it was created by this call
     */
    public static boolean createIfMissing(DynamoDbClient dynamo, String table) {
        try {
            dynamo.describeTable(b -> b.tableName(table));
            return false;
        } catch (ResourceNotFoundException missing) {
            create(dynamo, table);
            return true;
        }
    }

    /**
     * Creates the table and waits until it is active.
     *
     * @param dynamo the client
     * @param table  the table name
     */
    public static void create(DynamoDbClient dynamo, String table) {
        dynamo.createTable(b -> b.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute(TableLayout.PARTITION_KEY), attribute(TableLayout.SORT_KEY),
                        attribute(TableLayout.INDEX_PARTITION_KEY), attribute(TableLayout.INDEX_SORT_KEY))
                .keySchema(key(TableLayout.PARTITION_KEY, KeyType.HASH), key(TableLayout.SORT_KEY, KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName(PROJECTS_INDEX)
                        .keySchema(key(TableLayout.INDEX_PARTITION_KEY, KeyType.HASH),
                                key(TableLayout.INDEX_SORT_KEY, KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                        .build())
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(table));
        dynamo.updateTimeToLive(b -> b.tableName(table)
                .timeToLiveSpecification(t -> t.enabled(true).attributeName(TTL_ATTRIBUTE)));
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
