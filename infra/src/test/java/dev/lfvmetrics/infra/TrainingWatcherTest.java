package dev.lfvmetrics.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.constructs.IConstruct;

class TrainingWatcherTest {

    private final Synth.Synthesized full = Synth.full();
    private final TrainingWatcher watcher = full.stack().watcher().orElseThrow();

    /** The state machine's definition as JSON, each {@code Ref} replaced by {@code ${LogicalId}}. */
    private JsonNode definition() throws JsonProcessingException {
        Map<?, ?> properties = (Map<?, ?>) full.resources("AWS::StepFunctions::StateMachine").values().iterator()
                .next().get("Properties");
        List<?> join = (List<?>) ((Map<?, ?>) properties.get("DefinitionString")).get("Fn::Join");
        StringBuilder json = new StringBuilder();
        for (Object part : (List<?>) join.get(1)) {
            if (part instanceof String text) {
                json.append(text);
            } else if (part instanceof Map<?, ?> token && token.containsKey("Ref")) {
                json.append("${").append(token.get("Ref")).append('}');
            } else {
                json.append("?");
            }
        }
        return new ObjectMapper().readTree(json.toString());
    }

    private String placeholder(IConstruct construct) {
        return "${" + full.logicalId(construct) + "}";
    }

    @Test
    void givenNoWatchedProjects_thereIsNoStateMachineAndNoCreateModelRule() {
        Synth.Synthesized minimal = Synth.minimal();
        assertThat(minimal.stack().watcher()).isEmpty();
        minimal.template().resourceCountIs("AWS::StepFunctions::StateMachine", 0);
        minimal.template().resourcePropertiesCountIs("AWS::Events::Rule", Match.objectLike(Map.of(
                "EventPattern", Match.objectLike(Map.of("source", List.of("aws.lookoutvision"))))), 0);
    }

    @Test
    void createModelOfAWatchedProjectStartsTheStateMachineWithProjectAndVersion() throws JsonProcessingException {
        Capture inputTemplate = new Capture();
        Map<String, Object> pattern = Map.of(
                "source", List.of("aws.lookoutvision"),
                "detail-type", List.of("AWS API Call via CloudTrail"),
                "detail", Map.of(
                        "eventSource", List.of("lookoutvision.amazonaws.com"),
                        "eventName", List.of("CreateModel"),
                        "requestParameters", Map.of("projectName", List.of("circuit-boards", "cookies"))));
        Map<String, Object> target = Map.of(
                "Arn", full.ref(watcher.stateMachine()),
                "InputTransformer", Map.of(
                        "InputPathsMap", Map.of(
                                "detail-requestParameters-projectName", "$.detail.requestParameters.projectName",
                                "detail-responseElements-modelMetadata-modelVersion",
                                "$.detail.responseElements.modelMetadata.modelVersion"),
                        "InputTemplate", inputTemplate),
                "RetryPolicy", Map.of("MaximumRetryAttempts", IngestTriggers.TARGET_RETRIES,
                        "MaximumEventAgeInSeconds", 24 * 3600),
                "DeadLetterConfig", Map.of("Arn", Match.objectLike(Map.of("Fn::GetAtt", Match.arrayWith(List.of(
                        Match.stringLikeRegexp("EventDeadLettersQueue.*")))))));
        assertThat(full.resources("AWS::Events::Rule", Map.of(
                "EventPattern", pattern, "Targets", List.of(Match.objectLike(target))))).hasSize(1);
        // EventBridge placeholders stand unquoted and are quoted on substitution: quote them to read the JSON.
        String template = inputTemplate.asString().replaceAll("(<[A-Za-z-]+>)", "\"$1\"");
        assertThat(new ObjectMapper().readValue(template, Map.class)).isEqualTo(Map.of(
                "project", "<detail-requestParameters-projectName>",
                "version", "<detail-responseElements-modelMetadata-modelVersion>"));
    }

    @Test
    void theLoopWaitsAsksTheWatchAliasAndIngestsOnceTrainingIsFinal() throws JsonProcessingException {
        JsonNode states = definition().get("States");
        PipelineFunctions functions = full.stack().functions();

        assertThat(definition().get("StartAt").asText()).isEqualTo("StartWatch");
        assertThat(states.at("/StartWatch/Next").asText()).isEqualTo("WaitForTraining");
        assertThat(states.at("/WaitForTraining/Seconds").asInt()).isEqualTo(300);
        assertThat(states.at("/WaitForTraining/Next").asText()).isEqualTo("DescribeModel");
        assertThat(states.at("/DescribeModel/Parameters/FunctionName").asText())
                .isEqualTo(placeholder(functions.watch().orElseThrow().alias()));
        assertThat(states.at("/DescribeModel/Parameters/Payload/project.$").asText()).isEqualTo("$.project");
        assertThat(states.at("/DescribeModel/Parameters/Payload/version.$").asText()).isEqualTo("$.version");
        assertThat(states.at("/DescribeModel/Next").asText()).isEqualTo("TrainingFinished");

        JsonNode choices = states.at("/TrainingFinished/Choices");
        assertThat(choices.get(0).at("/And/1/Variable").asText()).isEqualTo("$.watch.result.final");
        assertThat(choices.get(0).at("/And/1/BooleanEquals").asBoolean()).isTrue();
        assertThat(choices.get(0).get("Next").asText()).isEqualTo("IngestTrainedModel");
        assertThat(states.at("/TrainingFinished/Default").asText()).isEqualTo("CountPoll");
        assertThat(states.at("/CountPoll/Next").asText()).isEqualTo("WaitForTraining");
        assertThat(states.at("/CountPoll/Parameters/polls.$").asText()).isEqualTo("States.MathAdd($.polls, 1)");
    }

    @Test
    void theIngestFunctionReceivesTheWatcherEventOfTheDesign() throws JsonProcessingException {
        JsonNode ingest = definition().at("/States/IngestTrainedModel");

        assertThat(ingest.at("/Parameters/FunctionName").asText())
                .isEqualTo(placeholder(full.stack().functions().ingest().alias()));
        JsonNode payload = ingest.at("/Parameters/Payload");
        assertThat(payload.get("source").asText()).isEqualTo("lfv-metrics.watcher");
        assertThat(payload.get("detail-type").asText()).isEqualTo("Model Training Finished");
        List<String> detail = new ArrayList<>();
        payload.get("detail").fieldNames().forEachRemaining(detail::add);
        assertThat(detail).containsExactlyInAnyOrder("project.$", "version.$", "status.$", "statusMessage.$");
        assertThat(payload.at("/detail/status.$").asText()).isEqualTo("$.watch.result.status");
        assertThat(ingest.get("Next").asText()).isEqualTo("Ingested");
        assertThat(definition().at("/States/Ingested/Type").asText()).isEqualTo("Succeed");
    }

    @Test
    void theWatchGivesUpInAFailStateAfterTheMaximumWait() throws JsonProcessingException {
        JsonNode definition = definition();
        JsonNode limit = definition.at("/States/TrainingFinished/Choices/1");
        int maxPolls = 24 * 60 / 5;

        assertThat(limit.get("Variable").asText()).isEqualTo("$.polls");
        assertThat(limit.get("NumericGreaterThanEquals").asInt()).isEqualTo(maxPolls - 1);
        assertThat(limit.get("Next").asText()).isEqualTo("TrainingWatchTimedOut");
        assertThat(definition.at("/States/TrainingWatchTimedOut/Type").asText()).isEqualTo("Fail");
        assertThat(definition.at("/States/TrainingWatchTimedOut/Error").asText()).isEqualTo("TrainingWatchTimedOut");
        assertThat(definition.get("TimeoutSeconds").asInt()).isEqualTo(25 * 3600);
    }

    @Test
    void functionErrorsAreRetriedThenEndInAFailState() throws JsonProcessingException {
        JsonNode states = definition().get("States");
        String[][] tasks = {{"DescribeModel", "WatchFailed"}, {"IngestTrainedModel", "IngestFailed"}};
        for (String[] task : tasks) {
            JsonNode retries = states.at("/" + task[0] + "/Retry");
            List<String> retried = new ArrayList<>();
            retries.forEach(retry -> retry.get("ErrorEquals").forEach(error -> retried.add(error.asText())));
            assertThat(retried).as(task[0]).contains("States.TaskFailed", "Lambda.ServiceException");
            assertThat(states.at("/" + task[0] + "/Catch/0/Next").asText()).isEqualTo(task[1]);
            assertThat(states.at("/" + task[1] + "/Type").asText()).isEqualTo("Fail");
        }
    }

    @Test
    void executionsAreLoggedInFullAndTraced() {
        Object logGroupArn = Match.objectLike(Map.of("Fn::GetAtt", Match.arrayWith(List.of(
                Match.stringLikeRegexp("TrainingWatcherExecutionLogs.*")))));
        full.template().hasResourceProperties("AWS::StepFunctions::StateMachine", Match.objectLike(Map.of(
                "StateMachineType", "STANDARD",
                "TracingConfiguration", Map.of("Enabled", true),
                "LoggingConfiguration", Map.of(
                        "Level", "ALL",
                        "IncludeExecutionData", true,
                        "Destinations", List.of(Map.of("CloudWatchLogsLogGroup", Map.of(
                                "LogGroupArn", logGroupArn)))))));
    }

    @Test
    void theStateMachineMayInvokeOnlyTheTwoAliases() {
        List<Object> invoked = new ArrayList<>();
        full.policyStatements().stream()
                .filter(s -> s.policyId().startsWith("TrainingWatcherStateMachineRole"))
                .filter(s -> s.actions().contains("lambda:InvokeFunction"))
                .forEach(s -> invoked.addAll(s.resources()));
        PipelineFunctions functions = full.stack().functions();
        assertThat(invoked).containsExactlyInAnyOrder(full.ref(functions.ingest().alias()),
                full.ref(functions.watch().orElseThrow().alias()));
    }
}
