package dev.lfvmetrics.bench.pipeline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.lfvmetrics.functions.config.AwsClients;
import dev.lfvmetrics.functions.config.Config;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The baseline of the cold-path comparison: one DynamoDB client built the way the functions build theirs, one
 * GetItem of the model item the latest route serves, its stored summary string returned as the body. With
 * {@code alsoS3}, it also builds (and never uses) an S3 client, as the API handler's wiring does for the images route,
 * to tell the cost of a second client from the cost of the handler's own work.
 */
public final class MinimalGetItemHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final DynamoDbClient dynamo;
    private final String table;
    private final Object s3;

    public MinimalGetItemHandler() {
        this(false);
    }

    MinimalGetItemHandler(boolean alsoS3) {
        Config config = Config.fromEnvironment();
        AwsClients clients = new AwsClients(config);
        this.dynamo = clients.dynamoDb();
        this.s3 = alsoS3 ? clients.s3() : null;
        this.table = config.tableName();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.builder().s("PROJECT#widgets").build(),
                        "sk", AttributeValue.builder().s("MODEL#0000000007").build()))).item();
        return APIGatewayV2HTTPResponse.builder().withStatusCode(item.isEmpty() ? 404 : 200)
                .withBody(item.isEmpty() ? "" : item.get("summary").s()).build();
    }
}
