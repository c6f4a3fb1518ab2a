package dev.lfvmetrics.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.event.ruler.Machine;

/**
 * The SageMaker rules' patterns, taken from the synthesized template, matched against the bundled sample events by
 * EventBridge's own matcher (event-ruler).
 */
class SageMakerRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Machine rule(Synth.Synthesized synthesized, String detailType) throws Exception {
        return RulePatterns.rule(synthesized, detailType);
    }

    private static String event(String file) throws IOException {
        return RulePatterns.event("artifacts/lfv-samples/sagemaker/events/" + file);
    }

    private static String changed(String file, String field, String value) throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(event(file));
        JsonNode detail = event.path("detail");
        ((ObjectNode) detail).put(field, value);
        return event.toString();
    }

    private static String untaggedOtherAlgorithm() throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(event("01-screws-training-completed.json"));
        ((ObjectNode) event.path("detail").path("AlgorithmSpecification")).put("AlgorithmName",
                "arn:aws:sagemaker:us-east-1:123456789012:algorithm/xgboost");
        return event.toString();
    }

    @Test
    void givenDefaultSettings_whenSampleTrainingEventsArrive_thenEndedJobsOfTheAlgorithmOrTaggedMatch()
            throws Exception {
        Machine training = rule(Synth.minimal(), "SageMaker Training Job State Change");

        assertThat(training.rulesForJSONEvent(event("01-screws-training-completed.json"))).containsExactly("rule");
        assertThat(training.rulesForJSONEvent(event("03-screws-training-failed.json"))).containsExactly("rule");
        assertThat(training.rulesForJSONEvent(event("04-tiles-training-completed.json"))).containsExactly("rule");
        assertThat(training.rulesForJSONEvent(changed("01-screws-training-completed.json", "TrainingJobStatus",
                "InProgress"))).isEmpty();
        assertThat(training.rulesForJSONEvent(untaggedOtherAlgorithm())).isEmpty();
    }

    @Test
    void givenTaggedOnly_whenSampleTrainingEventsArrive_thenOnlyTaggedJobsMatch() throws Exception {
        Machine training = rule(Synth.of(Map.of(SageMakerSettings.TAGGED_ONLY, "true")),
                "SageMaker Training Job State Change");

        assertThat(training.rulesForJSONEvent(event("01-screws-training-completed.json"))).isEmpty();
        assertThat(training.rulesForJSONEvent(event("04-tiles-training-completed.json"))).containsExactly("rule");
    }

    @Test
    void givenOwnAlgorithmPattern_whenTheJobUsesIt_thenItMatches() throws Exception {
        Machine training = rule(Synth.of(Map.of(SageMakerSettings.ALGORITHMS,
                "arn:aws:sagemaker:*:*:algorithm/xgboost")), "SageMaker Training Job State Change");

        assertThat(training.rulesForJSONEvent(untaggedOtherAlgorithm())).containsExactly("rule");
        assertThat(training.rulesForJSONEvent(event("01-screws-training-completed.json"))).isEmpty();
    }

    @Test
    void givenSampleTransformEvents_whenTheyArrive_thenEndedTransformsMatch() throws Exception {
        Machine transform = rule(Synth.minimal(), "SageMaker Transform Job State Change");

        assertThat(transform.rulesForJSONEvent(event("02-screws-transform-completed.json"))).containsExactly("rule");
        assertThat(transform.rulesForJSONEvent(changed("02-screws-transform-completed.json", "TransformJobStatus",
                "Failed"))).containsExactly("rule");
        assertThat(transform.rulesForJSONEvent(changed("02-screws-transform-completed.json", "TransformJobStatus",
                "InProgress"))).isEmpty();
        assertThat(transform.rulesForJSONEvent(event("01-screws-training-completed.json"))).isEmpty();
    }

    @Test
    void givenSampleBackfill_whenItArrives_thenTheBackfillRuleMatches() throws Exception {
        Machine backfill = rule(Synth.minimal(), "Backfill Requested");

        assertThat(backfill.rulesForJSONEvent(event("06-tiles-backfill-v2.json"))).containsExactly("rule");
    }

    @Test
    void givenPredictionBuckets_whenSynthesized_thenIngestReadsThemAndAsksSageMakerOnlyReadOnlyQuestions() {
        Synth.Synthesized withBuckets = Synth.of(Map.of(SageMakerSettings.BUCKETS, "team-predictions"));
        List<Synth.Statement> statements = withBuckets.policyStatements();

        assertThat(statements).anySatisfy(st -> {
            assertThat(st.actions()).containsExactlyInAnyOrder("sagemaker:DescribeModel",
                    "sagemaker:DescribeTrainingJob", "sagemaker:ListTags");
            assertThat(st.resources()).hasSize(3);
        });
        assertThat(statements).noneSatisfy(st -> assertThat(st.actions()).anySatisfy(a ->
                assertThat(a.toString()).matches("sagemaker:(Create|Delete|Update|Stop|Add|Put).*")));
        assertThat(statements).anySatisfy(st -> assertThat(st.resources().toString()).contains("team-predictions"));
        Map<String, Map<String, Object>> functions = withBuckets.resources("AWS::Lambda::Function", Map.of(
                "Environment", Match.objectLike(Map.of("Variables", Match.objectLike(Map.of(
                        "ARTIFACTS_BUCKETS", "team-predictions",
                        "SAGEMAKER_ALGORITHMS", SageMakerSettings.DEFECT_DETECTION_ALGORITHM,
                        "SAGEMAKER_TAGGED_ONLY", "false"))))));
        assertThat(functions).isNotEmpty();
    }

    @Test
    void givenAlgorithmThatIsNoArnPattern_whenSynthesized_thenOneLineNamesTheParameter() {
        assertThatThrownBy(() -> Synth.of(Map.of(SageMakerSettings.ALGORITHMS, "xgboost")))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining(SageMakerSettings.ALGORITHMS);
    }
}
