package dev.lfvmetrics.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;

class QueryApiTest {

    private final Synth.Synthesized minimal = Synth.minimal();

    private static List<Object> routeKeys(Synth.Synthesized synth, String authorization) {
        List<Object> keys = new ArrayList<>();
        synth.resources("AWS::ApiGatewayV2::Route", Map.of("AuthorizationType", authorization))
                .values().forEach(route -> keys.add(((Map<?, ?>) route.get("Properties")).get("RouteKey")));
        return keys;
    }

    @Test
    void everyDesignRouteExistsAndRequiresIamByDefault() {
        minimal.template().resourceCountIs("AWS::ApiGatewayV2::Route", QueryApi.ROUTES.size());
        assertThat(routeKeys(minimal, "AWS_IAM")).containsExactlyInAnyOrder(
                "GET /projects",
                "GET /projects/{project}/models/latest",
                "GET /projects/{project}/models",
                "GET /projects/{project}/models/{version}",
                "GET /projects/{project}/models/{version}/images",
                "GET /projects/{project}/models/{version}/images/{line}",
                "GET /projects/{project}/models/{version}/evaluation.json",
                "GET /projects/{project}/compare",
                "GET /projects/{project}/thresholds",
                "PUT /projects/{project}/thresholds",
                "GET /",
                "GET /ui",
                "GET /ui/{proxy+}");
    }

    @Test
    void givenApiAuthNone_noRouteRequiresAuthorization_andTheChoiceIsAcknowledged() {
        Synth.Synthesized open = Synth.of(Map.of("apiAuth", "none"));

        assertThat(routeKeys(open, "AWS_IAM")).isEmpty();
        assertThat(routeKeys(open, "NONE")).hasSize(QueryApi.ROUTES.size());
        Object acknowledgement = Match.objectLike(Map.of(
                "id", "AwsSolutions-APIG4",
                "reason", Match.stringLikeRegexp(".*apiAuth=none.*")));
        open.template().hasResource("AWS::ApiGatewayV2::Api", Match.objectLike(Map.of(
                "Metadata", Map.of("cdk_nag", Map.of("rules_to_suppress", List.of(acknowledgement))))));
    }

    @Test
    void theRoutesProxyToTheApiAliasWithPayloadFormat2() {
        minimal.template().resourceCountIs("AWS::ApiGatewayV2::Integration", 1);
        minimal.template().hasResourceProperties("AWS::ApiGatewayV2::Integration", Match.objectLike(Map.of(
                "IntegrationType", "AWS_PROXY",
                "PayloadFormatVersion", "2.0",
                "IntegrationUri", minimal.ref(minimal.stack().functions().api().alias()))));
        Map<String, Map<String, Object>> permissions = minimal.resources("AWS::Lambda::Permission",
                Map.of("Principal", "apigateway.amazonaws.com"));
        assertThat(permissions).isNotEmpty();
        permissions.values().forEach(permission -> assertThat(((Map<?, ?>) permission.get("Properties"))
                .get("FunctionName")).isEqualTo(minimal.ref(minimal.stack().functions().api().alias())));
    }

    @Test
    void theDefaultStageIsThrottledAndWritesJsonAccessLogs() throws Exception {
        minimal.template().resourceCountIs("AWS::ApiGatewayV2::Stage", 1);
        Capture format = new Capture();
        minimal.template().hasResourceProperties("AWS::ApiGatewayV2::Stage", Match.objectLike(Map.of(
                "StageName", "$default",
                "AutoDeploy", true,
                "DefaultRouteSettings", Map.of("ThrottlingRateLimit", 50, "ThrottlingBurstLimit", 100),
                "AccessLogSettings", Map.of(
                        "DestinationArn", minimal.getAtt(minimal.stack().api().accessLogs(), "Arn"),
                        "Format", format))));
        // What API Gateway writes: each variable replaced by its value, messageString by a JSON string.
        String message = "Internal \"quoted\" error\\path";
        String line = format.asString()
                .replace("$context.error.messageString", new ObjectMapper().writeValueAsString(message))
                .replaceAll("\\$context\\.[A-Za-z.]+", "v-1");

        JsonNode parsed = new ObjectMapper().readTree(line);

        assertThat(parsed.path("error").asText()).isEqualTo(message);
        assertThat(parsed.path("requestId").asText()).isEqualTo("v-1");
        assertThat(parsed.path("caller").asText()).isEqualTo("v-1");
        assertThat(parsed.path("routeKey").asText()).isEqualTo("v-1");
        assertThat(parsed.path("status").asText()).isEqualTo("v-1");
    }

    @Test
    void logGroupsOfTheApiAndTheStateMachineAreVendedLogs() {
        Map<String, Map<String, Object>> groups = Synth.full().resources("AWS::Logs::LogGroup");
        List<Object> names = new ArrayList<>();
        groups.values().forEach(group -> names.add(((Map<?, ?>) group.get("Properties")).get("LogGroupName")));

        assertThat(names).contains("/aws/vendedlogs/apigateway/LfvMetrics-api-access",
                "/aws/vendedlogs/states/LfvMetrics-training-watcher");
    }
}
