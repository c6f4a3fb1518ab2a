package dev.lfvmetrics.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.event.ruler.Machine;

/**
 * The stack's S3, backfill and CreateModel rules, taken from the synthesized template, matched against the sample
 * events of events/ by EventBridge's own matcher (the SageMaker rules: {@link SageMakerRulesTest}).
 */
class EventRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Synth.Synthesized SAMPLES = Synth.of(Map.of("artifactsBuckets", "lfv-samples",
            "watchedProjects", "circuit-board"));

    /** The sample event with one field changed. */
    private static String with(String file, String pointer, String value) throws IOException {
        return changed(RulePatterns.event(file), pointer, value);
    }

    private static String changed(String json, String pointer, String value) throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(json);
        String parent = pointer.substring(0, pointer.lastIndexOf('/'));
        ((ObjectNode) event.at(parent)).put(pointer.substring(pointer.lastIndexOf('/') + 1), value);
        return event.toString();
    }

    @Test
    void givenSampleObjectCreatedEvents_whenMatched_thenEvaluationFilesOfTheArtifactsBucketsOnly() throws Exception {
        Machine s3 = RulePatterns.rule(SAMPLES, "Object Created");

        assertThat(s3.rulesForJSONEvent(RulePatterns.event("s3-object-created-result.json"))).containsExactly("rule");
        assertThat(s3.rulesForJSONEvent(RulePatterns.event("s3-object-created-manifest.json")))
                .containsExactly("rule");
        assertThat(s3.rulesForJSONEvent(with("s3-object-created-result.json", "/detail/object/key",
                "deep/er/folders/EvaluationResult-p.json"))).containsExactly("rule");
        assertThat(s3.rulesForJSONEvent(with("s3-object-created-result.json", "/detail/object/key",
                "circuit-board/output/model.tar.gz"))).isEmpty();
        assertThat(s3.rulesForJSONEvent(with("s3-object-created-result.json", "/detail/bucket/name",
                "someone-elses-bucket"))).isEmpty();
    }

    @Test
    void givenPrefix_whenMatched_thenOnlyKeysUnderIt() throws Exception {
        Machine s3 = RulePatterns.rule(Synth.full(), "Object Created");

        String inBucket = with("s3-object-created-result.json", "/detail/bucket/name", "lfv-artifacts-a");

        assertThat(s3.rulesForJSONEvent(changed(inBucket, "/detail/object/key",
                "lookout/p/EvaluationResult-p-1.json"))).containsExactly("rule");
        assertThat(s3.rulesForJSONEvent(changed(inBucket, "/detail/object/key",
                "elsewhere/EvaluationResult-p-1.json"))).isEmpty();
    }

    @Test
    void givenSampleBackfills_whenMatched_thenEveryFormIsTaken() throws Exception {
        Machine backfill = RulePatterns.rule(SAMPLES, "Backfill Requested");

        for (String file : new String[] {"backfill-model.json", "backfill-folder.json", "backfill-artifacts.json"}) {
            assertThat(backfill.rulesForJSONEvent(RulePatterns.event(file))).as(file).containsExactly("rule");
        }
        assertThat(backfill.rulesForJSONEvent(RulePatterns.event("watcher-trained.json"))).isEmpty();
    }

    @Test
    void givenCloudTrailCreateModel_whenMatched_thenOnlySuccessfulCallsOfWatchedProjects() throws Exception {
        Machine createModel = RulePatterns.rule(SAMPLES, "AWS API Call via CloudTrail");
        ObjectNode failed = (ObjectNode) JSON.readTree(RulePatterns.event("cloudtrail-create-model.json"));
        ((ObjectNode) failed.path("detail")).put("errorCode", "ValidationException");
        ((ObjectNode) failed.path("detail")).put("errorMessage", "The dataset has too few images");

        assertThat(createModel.rulesForJSONEvent(RulePatterns.event("cloudtrail-create-model.json")))
                .containsExactly("rule");
        assertThat(createModel.rulesForJSONEvent(failed.toString())).as("a failed call starts no watch").isEmpty();
        assertThat(createModel.rulesForJSONEvent(with("cloudtrail-create-model.json",
                "/detail/requestParameters/projectName", "unwatched"))).isEmpty();
        assertThat(createModel.rulesForJSONEvent(with("cloudtrail-create-model.json", "/detail/eventName",
                "DescribeModel"))).isEmpty();
    }
}
