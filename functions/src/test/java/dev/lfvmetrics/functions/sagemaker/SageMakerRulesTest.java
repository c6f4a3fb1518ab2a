package dev.lfvmetrics.functions.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.functions.testing.Invoke;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SageMakerRulesTest {

    private static final SageMakerRules DEFAULT = new SageMakerRules(
            List.of(SageMakerRules.DEFECT_DETECTION_ALGORITHM), false);

    private static TrainingJob event(String file) throws IOException {
        return SageMakerJson.trainingJob(Json.mapper().readTree(Invoke.event(
                "artifacts/lfv-samples/sagemaker/events/" + file)).path("detail"));
    }

    private static TrainingJob job(String name, String algorithm, Map<String, String> tags) {
        return new TrainingJob(name, "arn:aws:sagemaker:us-east-1:1:training-job/" + name, "Completed", null,
                algorithm, null, Map.of(), null, null, null, null, tags);
    }

    @Test
    void givenSampleTrainingEvent_whenRead_thenEveryFactIsTaken() throws IOException {
        TrainingJob job = event("01-screws-training-completed.json");

        assertThat(job.name()).isEqualTo("screws-2026-11-20-10-00-00-000");
        assertThat(job.status()).isEqualTo("Completed");
        assertThat(job.modelType()).isEqualTo("classification");
        assertThat(job.channels()).containsEntry("test", "s3://lfv-samples/sagemaker-data/screws/test.manifest");
        assertThat(job.modelArtifact()).endsWith("/screws-2026-11-20-10-00-00-000/output/model.tar.gz");
        assertThat(job.createdAt()).isEqualTo("2025-11-20T10:00:00Z");
        assertThat(job.tags()).isEmpty();
    }

    @Test
    void givenTaggedTrainingEvent_whenRead_thenTagsComeFromTheObject() throws IOException {
        TrainingJob job = event("04-tiles-training-completed.json");

        assertThat(job.tags()).containsEntry("lfv-metrics:project", "tiles").containsEntry("lfv-metrics:version", "1");
        assertThat(SageMakerRules.project(job)).isEqualTo("tiles");
        assertThat(SageMakerRules.requestedVersion(job.tags())).isEqualTo("1");
    }

    @Test
    void givenDefectDetectionAlgorithmInAnyRegion_whenFiltered_thenFollowed() {
        assertThat(DEFAULT.follows(job("a", "arn:aws:sagemaker:eu-west-1:865070037744:algorithm/"
                + "lfv-public-algorithm-v2-abc", Map.of()))).isTrue();
        assertThat(DEFAULT.follows(job("a", "arn:aws:sagemaker:eu-west-1:1:algorithm/xgboost", Map.of())))
                .isFalse();
        assertThat(DEFAULT.follows(job("a", null, Map.of()))).isFalse();
    }

    @Test
    void givenProjectTag_whenFiltered_thenFollowedWhateverTheAlgorithm() {
        SageMakerRules taggedOnly = new SageMakerRules(List.of(SageMakerRules.DEFECT_DETECTION_ALGORITHM), true);
        TrainingJob tagged = job("a", "my-image:latest", Map.of("lfv-metrics:project", "p"));
        TrainingJob untagged = job("a", "arn:aws:sagemaker:us-east-1:1:algorithm/lfv-public-algorithm-x", Map.of());

        assertThat(taggedOnly.follows(tagged)).isTrue();
        assertThat(taggedOnly.follows(untagged)).isFalse();
        assertThat(DEFAULT.follows(tagged)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"cookies-2026-01-02-03-04-05-678, cookies", "cookies-2026-01-02-03-04-05, cookies",
        "cookies-7, cookies", "cookies-20260102030405, cookies", "pcb-line-2, pcb-line", "plain, plain"})
    void givenUntaggedJob_whenNamed_thenProjectIsTheNameWithoutItsSuffix(String name, String project) {
        assertThat(SageMakerRules.project(job(name, null, Map.of()))).isEqualTo(project);
    }

    @Test
    void givenInvalidProjectTag_whenNamed_thenNoProject() {
        assertThat(SageMakerRules.project(job("a", null, Map.of("lfv-metrics:project", "has space")))).isNull();
    }

    @Test
    void givenModelArtifact_whenReadBack_thenItNamesTheTrainingJob() {
        assertThat(SageMakerRules.trainingJobOf("s3://b/out/screws-1/output/model.tar.gz")).isEqualTo("screws-1");
        assertThat(SageMakerRules.trainingJobOf("s3://b/screws-1/output/model.tar.gz")).isEqualTo("screws-1");
        assertThat(SageMakerRules.trainingJobOf("s3://b/models/model.tar.gz")).isNull();
        assertThat(SageMakerRules.trainingJobOf(null)).isNull();
    }

    @Test
    void givenWildcardPattern_whenMatched_thenOnlyStarIsSpecial() {
        assertThat(SageMakerRules.matches("a*c", "abbbc")).isTrue();
        assertThat(SageMakerRules.matches("a.c", "abc")).isFalse();
        assertThat(SageMakerRules.matches("a*", "a")).isTrue();
        assertThat(SageMakerRules.matches("*x", "ax/b")).isFalse();
    }

    @Test
    void givenTransformWithGroundTruthTag_whenAsked_thenTheTagWinsOverTheTestChannel() throws IOException {
        TrainingJob training = event("01-screws-training-completed.json");
        TransformJob tagged = new TransformJob("t", "arn", "Completed", null, "m", "s3://b/i/", "S3Prefix",
                "s3://b/o/", null, Map.of("lfv-metrics:ground-truth", "s3://b/other.manifest"));
        TransformJob plain = new TransformJob("t", "arn", "Completed", null, "m", "s3://b/i/", "S3Prefix",
                "s3://b/o/", null, Map.of());

        assertThat(SageMakerRules.groundTruth(tagged, training)).isEqualTo("s3://b/other.manifest");
        assertThat(SageMakerRules.groundTruth(plain, training))
                .isEqualTo("s3://lfv-samples/sagemaker-data/screws/test.manifest");
        assertThat(SageMakerRules.groundTruth(plain, null)).isNull();
    }
}
