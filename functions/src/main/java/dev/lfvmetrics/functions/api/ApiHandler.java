package dev.lfvmetrics.functions.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.lfvmetrics.functions.alert.Verdicts;
import dev.lfvmetrics.functions.artifacts.ObjectStore;
import dev.lfvmetrics.functions.artifacts.StoredImages;
import dev.lfvmetrics.functions.config.Wiring;
import dev.lfvmetrics.functions.log.JsonLog;
import dev.lfvmetrics.functions.store.ModelStore;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** HTTP API (payload format 2.0) over the query routes and the dashboard page. */
public final class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ApiService service;

    /** Production wiring, built once per execution environment. */
    public ApiHandler() {
        this(build(Wiring.fromEnvironment()));
    }

    /**
     * @param service the service to call
     */
    public ApiHandler(ApiService service) {
        this.service = service;
    }

    /**
     * @param wiring adapters
     * @return the API service on them
     */
    public static ApiService build(Wiring wiring) {
        ModelStore store = wiring.store();
        ObjectStore objects = wiring.objects();
        StoredImages images = new StoredImages(objects, wiring.config().detailsBucket());
        return new ApiService(store, new Verdicts(store, wiring.config().defaultPolicy(), images), objects,
                wiring.config().detailsBucket(), wiring.config().dashboardEnabled(), wiring.imageLinks(),
                wiring.config().artifactsBuckets());
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String requestId = event.getRequestContext() != null && event.getRequestContext().getRequestId() != null
                ? event.getRequestContext().getRequestId()
                : context != null ? context.getAwsRequestId() : UUID.randomUUID().toString();
        JsonLog.begin(context == null ? null : context.getAwsRequestId(), requestId);
        String method = event.getRequestContext() != null && event.getRequestContext().getHttp() != null
                ? event.getRequestContext().getHttp().getMethod() : "GET";
        String body = event.getBody();
        if (body != null && event.getIsBase64Encoded()) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        ApiRequest request = new ApiRequest(method, event.getRawPath(), event.getQueryStringParameters(), body,
                requestId);
        return toEvent(Responder.respond(service, request));
    }

    private static APIGatewayV2HTTPResponse toEvent(ApiResponse response) {
        Map<String, String> headers = new HashMap<>(response.headers());
        if (response.contentType() != null) {
            headers.put("Content-Type", response.contentType());
        }
        boolean text = response.textual();
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(headers)
                .withBody(text ? response.bodyText() : Base64.getEncoder().encodeToString(response.body()))
                .withIsBase64Encoded(!text)
                .build();
    }
}
