package dev.lfvmetrics.bench.pipeline;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.lfvmetrics.functions.api.ApiHandler;
import java.util.Map;

/**
 * One cold request in a fresh JVM: builds the handler (ApiHandler by its production constructor, or the minimal
 * GetItem handler, with or without an extra S3 client), sends GET /projects/widgets/models/latest once, prints the
 * response size and the phases in milliseconds since the JVM started. The event is built in code, identically for
 * every handler, so none pays for event parsing (the Lambda runtime does that outside the handler).
 *
 * <p>Usage: {@code ColdStart api|getitem|getitem+s3}
 */
public final class ColdStart {

    private ColdStart() {
    }

    public static void main(String[] args) {
        long mainAt = Phases.sinceStart();
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler = switch (args[0]) {
            case "api" -> new ApiHandler();
            case "getitem" -> new MinimalGetItemHandler();
            case "getitem+s3" -> new MinimalGetItemHandler(true);
            default -> throw new IllegalArgumentException(
                    "handler must be api, getitem or getitem+s3, not " + args[0]);
        };
        long initAt = Phases.sinceStart();
        String path = "/projects/widgets/models/latest";
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey("$default").withRawPath(path).withRawQueryString("")
                .withHeaders(Map.of("accept", "application/json"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("bench-cold-start")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET")
                                .withPath(path).build())
                        .build())
                .withIsBase64Encoded(false)
                .build();
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        long responseAt = Phases.sinceStart();
        int bodyLength = response.getBody() == null ? 0 : response.getBody().length();
        System.out.println("cold handler=" + args[0] + " status=" + response.getStatusCode() + " bodyChars="
                + bodyLength + " jvmToMainMs=" + mainAt + " jvmToInitMs=" + initAt + " jvmToResponseMs="
                + responseAt);
        if (response.getStatusCode() != 200) {
            System.out.println(response.getBody());
            System.exit(1);
        }
    }
}
