package dev.lfvmetrics.infra;

import java.util.LinkedHashMap;
import dev.lfvmetrics.contracts.Routes;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpIamAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegrationProps;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpNoneAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.IHttpRouteAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.PayloadFormatVersion;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The HTTP API (payload format 2.0) in front of the API function: the routes of docs/design.md, IAM authorization
 * on every route unless {@code apiAuth=none}, stage-wide throttling and JSON access logs.
 */
public final class QueryApi extends Construct {

    /** Every route of the API: the shared list (contracts' Routes), which the API service is tested against. */
    public static final List<String> ROUTES = Routes.ALL;

    private final HttpApi api;
    private final HttpStage stage;
    private final LogGroup accessLogs;

    /**
     * @param scope parent
     * @param id construct id
     * @param props handler, authorization and limits
     */
    public QueryApi(Construct scope, String id, QueryApiProps props) {
        super(scope, id);
        IHttpRouteAuthorizer authorizer = props.auth() == ApiAuth.IAM
                ? new HttpIamAuthorizer()
                : new HttpNoneAuthorizer();
        this.api = HttpApi.Builder.create(this, "Api")
                .apiName("lfv-metrics")
                .description("lfv-metrics query API and dashboard")
                .createDefaultStage(false)
                .defaultAuthorizer(authorizer)
                .build();
        // Under /aws/vendedlogs/: log delivery then needs no entry in the account's 5 KB logs resource policy.
        this.accessLogs = LogGroup.Builder.create(this, "AccessLogs")
                .logGroupName("/aws/vendedlogs/apigateway/" + Stack.of(this).getStackName() + "-api-access")
                .retention(props.logRetention())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        IAccessLogDestination destination = new LogGroupLogDestination(accessLogs);
        this.stage = HttpStage.Builder.create(this, "DefaultStage")
                .httpApi(api)
                .stageName("$default")
                .autoDeploy(true)
                .throttle(ThrottleSettings.builder()
                        .rateLimit(props.rateLimit())
                        .burstLimit(props.burstLimit())
                        .build())
                .accessLogSettings(new IAccessLogSettings() {
                    @Override
                    public IAccessLogDestination getDestination() {
                        return destination;
                    }

                    @Override
                    public AccessLogFormat getFormat() {
                        return AccessLogFormat.custom(accessLogFormat());
                    }
                })
                .build();
        HttpLambdaIntegration integration = new HttpLambdaIntegration("ApiFunction", props.handler(),
                HttpLambdaIntegrationProps.builder().payloadFormatVersion(PayloadFormatVersion.VERSION_2_0).build());
        for (String route : ROUTES) {
            String[] parts = route.split(" ", 2);
            api.addRoutes(AddRoutesOptions.builder()
                    .methods(List.of(HttpMethod.valueOf(parts[0])))
                    .path(parts[1])
                    .integration(integration)
                    .build());
        }
        if (props.auth() == ApiAuth.NONE) {
            Nag.acknowledge(api, "AwsSolutions-APIG4", "The operator deployed with apiAuth=none on purpose"
                    + " (the README warns that anyone with the URL can then read metrics and change thresholds).");
        }
    }

    // Only variables HTTP APIs support (their set differs from REST APIs'): one JSON object per request.
    private static String accessLogFormat() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("requestId", "$context.requestId");
        fields.put("requestTime", "$context.requestTime");
        fields.put("sourceIp", "$context.identity.sourceIp");
        fields.put("caller", "$context.identity.userArn");
        fields.put("routeKey", "$context.routeKey");
        fields.put("status", "$context.status");
        fields.put("protocol", "$context.protocol");
        fields.put("responseLength", "$context.responseLength");
        fields.put("integrationLatency", "$context.integrationLatency");
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, variable) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(name).append("\":\"").append(variable).append('"');
        });
        // A message may hold quotes: messageString is API Gateway's own JSON-quoted form, so it goes in unquoted.
        // (integrationErrorMessage has no quoted form, so it is left out.)
        json.append(",\"error\":").append("$context.error.messageString");
        return json.append('}').toString();
    }

    /**
     * @return the API
     */
    public HttpApi api() {
        return api;
    }

    /**
     * @return the {@code $default} stage
     */
    public HttpStage stage() {
        return stage;
    }

    /**
     * @return the access log group
     */
    public LogGroup accessLogs() {
        return accessLogs;
    }

    /**
     * @return the URL callers use
     */
    public String url() {
        return stage.getUrl();
    }
}
