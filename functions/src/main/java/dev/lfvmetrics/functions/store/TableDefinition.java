package dev.lfvmetrics.functions.store;

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
 * The table layout of docs/design.md, for the places that create the table themselves rather than through the CDK
 * stack: the local mode against an AWS-compatible endpoint, and the integration tests.
 */
public final class TableDefinition {

    /** The index that lists every project's latest pointer. */
    public static final String PROJECTS_INDEX = "gsi1";

    private TableDefinition() {
    }

    /**
     * Creates the table with its keys, index and stream, and waits until it is active.
     *
     * @param dynamo the client
     * @param table  the table name
     */
    public static void create(DynamoDbClient dynamo, String table) {
        dynamo.createTable(b -> b.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        attribute("pk"), attribute("sk"), attribute("gsi1pk"), attribute("gsi1sk"))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName(PROJECTS_INDEX)
                        .keySchema(key("gsi1pk", KeyType.HASH), key("gsi1sk", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                        .build())
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(table));
    }

    /**
     * Creates the table unless it exists.
     *
     * @param dynamo the client
     * @param table  the table name
     * @return true when it was created now
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

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
