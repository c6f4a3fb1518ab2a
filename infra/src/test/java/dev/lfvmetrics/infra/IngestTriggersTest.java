package dev.lfvmetrics.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;

class IngestTriggersTest {

    private final Synth.Synthesized full = Synth.full();
    private final Synth.Synthesized minimal = Synth.minimal();

    @Test
    void evaluationFilesUnderThePrefixInTheArtifactsBucketsTriggerAnIngest() {
        Capture keys = new Capture();
        full.template().hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of(
                "EventPattern", Map.of(
                        "source", List.of("aws.s3"),
                        "detail-type", List.of("Object Created"),
                        "detail", Map.of(
                                "bucket", Map.of("name", List.of("lfv-artifacts-a", "lfv-artifacts-b")),
                                "object", Map.of("key", keys))))));

        assertThat(keys.asArray()).containsExactlyInAnyOrder(
                Map.of("wildcard", "lookout/*EvaluationResult-*.json"),
                Map.of("wildcard", "lookout/*EvaluationManifest-*.json"));
    }

    @Test
    void givenNoArtifactsBuckets_thereIsNoS3Rule_butBackfillStillWorks() {
        minimal.template().resourcePropertiesCountIs("AWS::Events::Rule", Match.objectLike(Map.of(
                "EventPattern", Match.objectLike(Map.of("source", List.of("aws.s3"))))), 0);
        minimal.template().resourcePropertiesCountIs("AWS::Events::Rule", Match.objectLike(Map.of(
                "EventPattern", Map.of("source", List.of("lfv-metrics"),
                        "detail-type", List.of("Backfill Requested")))), 1);
    }

    @Test
    void everyIngestRuleTargetsTheLiveAliasWithRetriesAndTheDeadLetterQueue() {
        LfvMetricsStack stack = full.stack();
        Object deadLetters = Match.objectLike(Map.of("Fn::GetAtt", Match.arrayWith(List.of(
                Match.stringLikeRegexp("EventDeadLettersQueue.*")))));
        Map<String, Object> target = Map.of(
                "Arn", full.ref(stack.functions().ingest().alias()),
                "DeadLetterConfig", Map.of("Arn", deadLetters),
                "RetryPolicy", Map.of(
                        "MaximumRetryAttempts", IngestTriggers.TARGET_RETRIES,
                        "MaximumEventAgeInSeconds", 24 * 3600));
        Map<String, Map<String, Object>> rules = full.resources("AWS::Events::Rule",
                Map.of("Targets", List.of(Match.objectLike(target))));
        assertThat(rules).as("S3, backfill, SageMaker training and transform rules").hasSize(4);
    }

    @Test
    void eventBridgeMayInvokeOnlyTheAliasAndOnlyFromItsRules() {
        Map<String, Map<String, Object>> permissions = full.resources("AWS::Lambda::Permission",
                Map.of("Principal", "events.amazonaws.com"));
        assertThat(permissions).hasSize(4);
        permissions.values().forEach(permission -> {
            Map<?, ?> properties = (Map<?, ?>) permission.get("Properties");
            assertThat(properties.get("FunctionName")).isEqualTo(full.ref(full.stack().functions().ingest().alias()));
            assertThat(properties.get("SourceArn")).isInstanceOf(Map.class);
        });
    }

    @Test
    void theDeadLetterQueuesAreEncryptedKeptTwoWeeksAndRefusePlainHttp() {
        full.template().resourceCountIs("AWS::SQS::Queue", 3);
        full.resources("AWS::SQS::Queue").forEach((id, queue) -> {
            Map<?, ?> properties = (Map<?, ?>) queue.get("Properties");
            assertThat(properties.get("SqsManagedSseEnabled")).as("encryption of %s", id).isEqualTo(true);
            assertThat(properties.get("MessageRetentionPeriod")).as("retention of %s", id).isEqualTo(14 * 24 * 3600);
        });
        Map<String, Object> denyPlainHttp = Map.of("Effect", "Deny", "Action", "sqs:*",
                "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")));
        Map<String, Map<String, Object>> policies = full.resources("AWS::SQS::QueuePolicy", Map.of(
                "PolicyDocument", Match.objectLike(Map.of(
                        "Statement", Match.arrayWith(List.of(Match.objectLike(denyPlainHttp)))))));
        assertThat(policies).hasSize(3);
    }
}
