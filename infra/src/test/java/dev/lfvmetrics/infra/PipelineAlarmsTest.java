package dev.lfvmetrics.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.constructs.IConstruct;

class PipelineAlarmsTest {

    private final Synth.Synthesized full = Synth.full();

    private Map<String, Map<String, Object>> alarms(Synth.Synthesized synth, Map<String, ?> properties) {
        return synth.resources("AWS::CloudWatch::Alarm", properties);
    }

    @Test
    void everyAlarmFiresOnTheFirstOccurrenceAndNotifiesTheTopic() {
        Map<String, Map<String, Object>> all = full.resources("AWS::CloudWatch::Alarm");
        // 3 dead-letter queues, 4 functions, failed ingests, failed and timed-out watches.
        assertThat(all).hasSize(3 + 4 + 1 + 2);
        assertThat(alarms(full, Map.of(
                "ComparisonOperator", "GreaterThanThreshold",
                "Threshold", 0,
                "EvaluationPeriods", 1,
                "TreatMissingData", "notBreaching",
                "AlarmActions", List.of(full.ref(full.stack().alerts().topic()))))).hasSameSizeAs(all);
    }

    @Test
    void everyDeadLetterQueueHasADepthAlarm() {
        List<Object> queues = new ArrayList<>();
        alarms(full, Map.of("Namespace", "AWS/SQS", "MetricName", "ApproximateNumberOfMessagesVisible"))
                .values().forEach(alarm -> {
                    List<?> dimensions = (List<?>) ((Map<?, ?>) alarm.get("Properties")).get("Dimensions");
                    queues.add(((Map<?, ?>) dimensions.get(0)).get("Value"));
                });
        List<Object> expected = new ArrayList<>();
        full.resources("AWS::SQS::Queue").keySet().forEach(id -> expected.add(Map.of("Fn::GetAtt",
                List.of(id, "QueueName"))));
        assertThat(queues).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyFunctionHasAnErrorsAlarm() {
        List<Object> functions = new ArrayList<>();
        alarms(full, Map.of("Namespace", "AWS/Lambda", "MetricName", "Errors")).values().forEach(alarm -> {
            List<?> dimensions = (List<?>) ((Map<?, ?>) alarm.get("Properties")).get("Dimensions");
            functions.add(((Map<?, ?>) dimensions.get(0)).get("Value"));
        });
        List<Object> expected = new ArrayList<>();
        full.resources("AWS::Lambda::Function").keySet().forEach(id -> expected.add(Map.of("Ref", id)));
        assertThat(functions).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void failedIngestsAlarmOnTheIngestFunctionsRejectedOutcomeCount() {
        assertThat(alarms(full, Map.of(
                "Namespace", "lfv-metrics",
                "MetricName", "IngestOutcome",
                "Dimensions", List.of(Map.of("Name", "outcome", "Value", "REJECTED")),
                "Statistic", "Sum",
                "Period", 300))).hasSize(1);
    }

    @Test
    void failedAndTimedOutWatchesAlarm_andWithoutAWatcherThereAreNoSuchAlarms() {
        Object machine = full.ref(full.stack().watcher().orElseThrow().stateMachine());
        for (String metric : List.of("ExecutionsFailed", "ExecutionsTimedOut")) {
            assertThat(alarms(full, Map.of("Namespace", "AWS/States", "MetricName", metric,
                    "Dimensions", List.of(Map.of("Name", "StateMachineArn", "Value", machine))))).hasSize(1);
        }
        assertThat(alarms(Synth.minimal(), Map.of("Namespace", "AWS/States"))).isEmpty();
        assertThat(Synth.minimal().resources("AWS::CloudWatch::Alarm")).hasSize(3 + 3 + 1);
    }

    @Test
    void theAlertStreamMappingBisectsRetriesAndDeadLettersFailedBatches() {
        PipelineFunction alert = full.stack().functions().alert();
        full.template().resourceCountIs("AWS::Lambda::EventSourceMapping", 1);
        Object streamFailures = Map.of("Fn::GetAtt",
                List.of(full.logicalId(queue(full, "AlertStreamFailures")), "Arn"));
        Object aliasName = Match.objectLike(Map.of(
                "Fn::Join", Match.arrayWith(List.of(Match.arrayWith(List.of(":live"))))));
        full.template().hasResourceProperties("AWS::Lambda::EventSourceMapping", Match.objectLike(Map.of(
                "EventSourceArn", full.getAtt(full.stack().data().table(), "StreamArn"),
                "FunctionName", aliasName,
                "BisectBatchOnFunctionError", true,
                "MaximumRetryAttempts", 5,
                "MaximumRecordAgeInSeconds", 24 * 3600,
                "FunctionResponseTypes", List.of("ReportBatchItemFailures"),
                "DestinationConfig", Map.of("OnFailure", Map.of("Destination", streamFailures)))));
        assertThat(alert.alias().getAliasName()).isEqualTo("live");
    }

    private static IConstruct queue(Synth.Synthesized synth, String id) {
        return ((DeadLetterQueue) synth.stack().getNode().findChild(id)).queue();
    }
}
