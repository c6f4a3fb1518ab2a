package dev.lfvmetrics.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lfvmetrics.core.Fixtures;
import dev.lfvmetrics.core.error.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void givenWrappedDescription_whenRead_thenEveryFieldAndIsoTimestamps() {
        ModelDescription d = Formats.readDescription(Fixtures.resource("documents/describe-wrapped.json"));
        assertThat(d.modelVersion()).isEqualTo("1");
        assertThat(d.projectName()).isEqualTo("my-project");
        assertThat(d.status()).isEqualTo("TRAINED");
        assertThat(d.creationTimestamp()).isEqualTo("2020-11-28T16:34:25.586Z");
        assertThat(d.evaluationEndTimestamp()).isEqualTo("2020-11-28T17:04:20.681Z");
        assertThat(d.performance()).isEqualTo(new ModelDescription.Performance(1.0, 1.0, 1.0));
        assertThat(d.outputConfig())
                .isEqualTo(new ModelDescription.S3Location("my-bucket", "my-project-model-output/"));
        assertThat(d.evaluationResult().key()).isEqualTo("my-project-model-output/EvaluationResult-my-project-1.json");
        assertThat(d.minInferenceUnits()).isEqualTo(1);
    }

    @Test
    void givenBareFailedDescriptionWithBomCrlfIsoTimeAndUnknownKey_whenRead_thenToleratedAndOptionalsNull() {
        ModelDescription d = Formats.readDescription(Fixtures.resource("documents/describe-bare-failed.json"));
        assertThat(d.status()).isEqualTo("TRAINING_FAILED");
        assertThat(d.statusMessage()).isEqualTo("Not enough anomalous images.");
        assertThat(d.modelVersion()).isEqualTo("12");
        assertThat(d.projectName()).isEqualTo("widgets");
        assertThat(d.creationTimestamp()).isEqualTo("2020-11-28T16:34:25.586Z");
        assertThat(d.performance()).isNull();
        assertThat(d.evaluationEndTimestamp()).isNull();
        assertThat(d.outputConfig()).isNull();
    }

    @Test
    void givenClassificationResult_whenRead_thenFiguresAndNoLabels() {
        EvaluationResult r = Formats.readResult(Fixtures.resource("documents/result-classification.json"));
        assertThat(r.version()).isEqualTo(1);
        assertThat(r.modelArn()).endsWith("model/demo/3");
        assertThat(r.evaluationEndTimestamp()).isEqualTo("2021-03-01T10:20:30Z");
        assertThat(r.trainingImages()).isEqualTo(40);
        assertThat(r.testingImages()).isEqualTo(6);
        assertThat(r.rocAuc()).isEqualTo(0.7);
        assertThat(r.averagePrecision()).isEqualTo(0.8);
        assertThat(r.f1Score()).isEqualTo(0.6);
        assertThat(r.labels()).isEmpty();
    }

    @Test
    void givenSegmentationResultInAnyKeyOrder_whenRead_thenPerLabelFiguresWithMissingOnesNull() {
        EvaluationResult r = Formats.readResult(Fixtures.resource("documents/result-segmentation.json"));
        assertThat(r.labels()).containsExactly(
                new EvaluationResult.PixelClassMetrics("scratch", 0.7, 0.6, 0.646154, 0.5),
                new EvaluationResult.PixelClassMetrics("dent", null, null, null, 0.25));
        assertThat(r.f1Score()).isNull();
        assertThat(r.version()).isNull();
    }

    @Test
    void givenOldResultWithoutF1_whenRead_thenF1NullOthersPresent() {
        EvaluationResult r = Formats.readResult(Fixtures.resource("documents/result-old.json"));
        assertThat(r.f1Score()).isNull();
        assertThat(r.averagePrecision()).isNull();
        assertThat(r.precision()).isEqualTo(0.8);
        assertThat(r.testingImages()).isNull();
    }

    @Test
    void givenResultWithTextWhereNumberBelongs_whenRead_thenErrorNamesThePath() {
        Path file = Fixtures.resource("documents/result-wrong-type.json");
        assertThatThrownBy(() -> Formats.readResult(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(file + ": AggregatedEvaluationResults.Metrics.Precision: expected a number, got \"high\"");
    }

    @Test
    void givenBrokenJson_whenRead_thenErrorNamesFileAndLine() {
        Path file = Fixtures.resource("documents/result-broken.json");
        assertThatThrownBy(() -> Formats.readResult(file))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.source()).isEqualTo(file.toString());
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.problem()).startsWith("broken JSON: ");
                });
    }

    @Test
    void givenMissingFile_whenRead_thenErrorNamesThePath() {
        Path missing = Path.of("no/such/EvaluationResult-x.json");
        assertThatThrownBy(() -> Formats.readResult(missing))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("no/such/EvaluationResult-x.json: file not found");
        assertThatThrownBy(() -> Formats.readDescription(missing))
                .hasMessage("no/such/EvaluationResult-x.json: file not found");
    }

    @Test
    void givenEmptyOrNonObjectDocument_whenRead_thenClearError() {
        assertThatThrownBy(() -> Formats.readResult(stream("  \n"), "s3://b/k.json"))
                .hasMessage("s3://b/k.json: empty document");
        assertThatThrownBy(() -> Formats.readDescription(stream("[1]"), "d.json"))
                .hasMessage("d.json: expected a JSON object");
    }

    @Test
    void givenModelArns_whenParsed_thenProjectAndVersionOrNull() {
        assertThat(ModelArns.project("arn:aws:lookoutvision:us-east-1:1:model/p-1/17")).isEqualTo("p-1");
        assertThat(ModelArns.version("arn:aws:lookoutvision:us-east-1:1:model/p-1/17")).isEqualTo("17");
        assertThat(ModelArns.project("arn:aws:lookoutvision:us-east-1:1:project/p-1")).isNull();
        assertThat(ModelArns.project(null)).isNull();
    }

    @Test
    void givenTimestampsInEveryForm_whenNormalised_thenSameInstant() {
        assertThat(Timestamps.fromText("2020-11-28T16:34:25.586Z")).isEqualTo("2020-11-28T16:34:25.586Z");
        assertThat(Timestamps.fromText("2020-11-28T17:34:25.586+01:00")).isEqualTo("2020-11-28T16:34:25.586Z");
        assertThat(Timestamps.fromText("2020-11-28 16:34:25.586")).isEqualTo("2020-11-28T16:34:25.586Z");
        assertThat(Timestamps.fromText("1606581265.586")).isEqualTo("2020-11-28T16:34:25.586Z");
        assertThat(Timestamps.fromText("last tuesday")).isNull();
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
