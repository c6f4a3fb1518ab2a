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
    void everyAlarmsTopicAllowsThatAlarmToPublishAndItsKeyLetsCloudWatchEncrypt() {
        for (Synth.Synthesized synth : List.of(full, Synth.minimal())) {
            Map<String, Map<String, Object>> topicPolicies = synth.resources("AWS::SNS::TopicPolicy");
            Map<String, Map<String, Object>> topics = synth.resources("AWS::SNS::Topic");
            Map<String, Map<String, Object>> keys = synth.resources("AWS::KMS::Key");
            synth.resources("AWS::CloudWatch::Alarm").forEach((alarmId, alarm) -> {
                Map<?, ?> properties = (Map<?, ?>) alarm.get("Properties");
                for (Object action : (List<?>) properties.get("AlarmActions")) {
                    String topicId = (String) ((Map<?, ?>) action).get("Ref");
                    List<Map<?, ?>> allows = new ArrayList<>();
                    topicPolicies.values().forEach(policy -> {
                        Map<?, ?> p = (Map<?, ?>) policy.get("Properties");
                        if (((List<?>) p.get("Topics")).contains(Map.of("Ref", topicId))) {
                            for (Object st : (List<?>) ((Map<?, ?>) p.get("PolicyDocument")).get("Statement")) {
                                allows.add((Map<?, ?>) st);
                            }
                        }
                    });
                    assertThat(allows).as("topic policy of %s", topicId).anySatisfy(st -> {
                        assertThat(st.get("Effect")).isEqualTo("Allow");
                        assertThat(st.get("Principal")).isEqualTo(Map.of("Service", "cloudwatch.amazonaws.com"));
                        assertThat(st.get("Action")).isEqualTo("sns:Publish");
                        Map<?, ?> condition = (Map<?, ?>) st.get("Condition");
                        assertThat(condition.get("StringEquals"))
                                .isEqualTo(Map.of("aws:SourceAccount", Map.of("Ref", "AWS::AccountId")));
                        List<Object> sources = new ArrayList<>(
                                (List<?>) ((Map<?, ?>) condition.get("ArnLike")).get("aws:SourceArn"));
                        assertThat(sources).as("alarms allowed to publish")
                                .contains(Map.of("Fn::GetAtt", List.of(alarmId, "Arn")));
                    });
                    assertThat(allows).as("the TLS-only deny stays").anySatisfy(st ->
                            assertThat(st.get("Effect")).isEqualTo("Deny"));
                    Map<?, ?> topicProperties = (Map<?, ?>) topics.get(topicId).get("Properties");
                    Map<?, ?> keyRef = (Map<?, ?>) topicProperties.get("KmsMasterKeyId");
                    String keyId = (String) ((List<?>) keyRef.get("Fn::GetAtt")).get(0);
                    Map<?, ?> keyPolicy = (Map<?, ?>) ((Map<?, ?>) keys.get(keyId).get("Properties")).get("KeyPolicy");
                    assertThat((List<?>) keyPolicy.get("Statement")).as("key policy of %s", keyId).anySatisfy(st -> {
                        Map<?, ?> statement = (Map<?, ?>) st;
                        assertThat(statement.get("Effect")).isEqualTo("Allow");
                        assertThat(statement.get("Principal").toString()).contains("cloudwatch.amazonaws.com");
                        assertThat(new ArrayList<Object>((List<?>) statement.get("Action")))
                                .contains("kms:Decrypt", "kms:GenerateDataKey");
                    });
                }
            });
        }
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
