package dev.lfvmetrics.core.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lfvmetrics.core.Fixtures;
import dev.lfvmetrics.core.format.EvaluationResult;
import dev.lfvmetrics.core.format.Formats;
import dev.lfvmetrics.core.format.ModelDescription;
import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.core.summary.Difference;
import dev.lfvmetrics.core.summary.ImageResult;
import dev.lfvmetrics.core.summary.LabelMetrics;
import dev.lfvmetrics.core.summary.Metrics;
import dev.lfvmetrics.core.summary.Summary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvaluatorTest {

    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    private static final Evaluator EVALUATOR = new Evaluator(EvaluationOptions.defaults().withClock(FIXED));

    private static JsonNode expectations(String key) throws IOException {
        try (InputStream in = EvaluatorTest.class.getResourceAsStream("/sample-expectations.json")) {
            return Json.mapper().readTree(in).get(key);
        }
    }

    private static Summary sample(String project, int version, boolean withArtifacts) {
        String name = project + "-" + version + ".json";
        Path manifest = Fixtures.sample(project, "EvaluationManifest-" + name);
        if (!withArtifacts) {
            return EVALUATOR.evaluate(manifest, null, null, null);
        }
        EvaluationResult result = Formats.readResult(Fixtures.sample(project, "EvaluationResult-" + name));
        ModelDescription description = Formats.readDescription(Fixtures.sample(project, "DescribeModel-" + name));
        return EVALUATOR.evaluate(manifest, result, description, null);
    }

    @ParameterizedTest(name = "{0}-{1}")
    @CsvSource({"circuit-board, 1", "circuit-board, 2", "cookies, 1"})
    void givenBundledSample_whenEvaluated_thenFiguresMatchScikitLearn(String project, int version)
            throws IOException {
        JsonNode e = expectations(project + "-" + version);
        Summary s = sample(project, version, true);
        Metrics m = s.metrics();
        assertThat(m.images()).isEqualTo(e.get("images").asLong());
        assertThat(m.anomalous()).isEqualTo(e.get("anomalous").asLong());
        assertThat(m.normal()).isEqualTo(e.get("normal").asLong());
        assertThat(m.truePositives()).isEqualTo(e.get("truePositives").asLong());
        assertThat(m.falsePositives()).isEqualTo(e.get("falsePositives").asLong());
        assertThat(m.trueNegatives()).isEqualTo(e.get("trueNegatives").asLong());
        assertThat(m.falseNegatives()).isEqualTo(e.get("falseNegatives").asLong());
        assertThat(m.precision()).isCloseTo(e.get("precision").asDouble(), within(1e-12));
        assertThat(m.recall()).isCloseTo(e.get("recall").asDouble(), within(1e-12));
        assertThat(m.f1Score()).isCloseTo(e.get("f1Score").asDouble(), within(1e-12));
        assertThat(m.accuracy()).isCloseTo(e.get("accuracy").asDouble(), within(1e-12));
        assertThat(m.rocAuc()).isCloseTo(e.get("rocAuc").asDouble(), within(1e-12));
        assertThat(m.averagePrecision()).isCloseTo(e.get("averagePrecision").asDouble(), within(1e-12));
        assertThat(m.correct() + m.incorrect()).isEqualTo(m.images());
        assertThat(s.bestThreshold().threshold()).isCloseTo(e.get("bestThreshold").asDouble(), within(1e-12));
        assertThat(s.bestThreshold().f1Score()).isCloseTo(e.get("bestF1").asDouble(), within(1e-12));
        assertThat(s.misclassified().total()).isEqualTo(e.get("misclassified").asLong());
        List<String> top = new ArrayList<>();
        e.get("mostConfidentMistakes").forEach(n -> top.add(n.asText()));
        assertThat(s.misclassified().images().subList(0, 3)).extracting(ImageResult::sourceRef)
                .containsExactlyElementsOf(top);
        assertThat(s.misclassified().images().get(0).line())
                .isEqualTo(e.get("mostConfidentMistakeLines").get(0).asLong());
        Iterator<Map.Entry<String, JsonNode>> gt = e.get("labelGroundTruthImages").fields();
        while (gt.hasNext()) {
            Map.Entry<String, JsonNode> label = gt.next();
            LabelMetrics l = s.labels().stream().filter(x -> x.name().equals(label.getKey())).findFirst()
                    .orElseThrow();
            assertThat(l.groundTruthImages()).isEqualTo(label.getValue().asLong());
            assertThat(l.predictedImages()).isEqualTo(e.get("labelPredictedImages").get(label.getKey()).asLong());
        }
    }

    @Test
    void givenAllArtifacts_whenEvaluated_thenIdentityFromDescriptionAndReportedKeptBesideComputed() {
        Summary s = sample("circuit-board", 1, true);
        assertThat(s.schemaVersion()).isEqualTo(Summary.SCHEMA_VERSION);
        assertThat(s.computedAt()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(s.modelType()).isEqualTo("CLASSIFICATION");
        assertThat(s.model().project()).isEqualTo("circuit-board");
        assertThat(s.model().version()).isEqualTo("1");
        assertThat(s.model().status()).isEqualTo("TRAINED");
        assertThat(s.model().createdAt()).isEqualTo("2024-03-14T09:42:31.586Z");
        assertThat(s.model().trainingImages()).isEqualTo(220);
        EvaluationResult result = Formats.readResult(Fixtures.sample("circuit-board",
                "EvaluationResult-circuit-board-1.json"));
        assertThat(s.reported().evaluationResult().rocAuc()).isEqualTo(result.rocAuc());
        Difference auc = s.differences().stream()
                .filter(d -> d.metric().equals("rocAuc") && d.source().equals(Evaluator.EVALUATION_RESULT))
                .findFirst().orElseThrow();
        assertThat(auc.reported()).isEqualTo(result.rocAuc());
        assertThat(auc.computed()).isEqualTo(s.metrics().rocAuc());
        assertThat(auc.difference()).isCloseTo(s.metrics().rocAuc() - result.rocAuc(), within(1e-15));
        assertThat(s.differences()).extracting(Difference::source).contains(Evaluator.DESCRIBE_MODEL);
        assertThat(s.differences()).filteredOn(d -> d.metric().equals("images"))
                .singleElement().satisfies(d -> assertThat(d.difference()).isZero());
    }

    @Test
    void givenManifestOnly_whenEvaluated_thenIdentityFromManifestAndNothingReported() {
        Summary s = sample("circuit-board", 2, false);
        assertThat(s.model().project()).isEqualTo("circuit-board");
        assertThat(s.model().version()).isEqualTo("2");
        assertThat(s.model().modelArn()).endsWith(":model/circuit-board/2");
        assertThat(s.model().status()).isNull();
        assertThat(s.reported().describeModel()).isNull();
        assertThat(s.reported().evaluationResult()).isNull();
        assertThat(s.differences()).isEmpty();
    }

    @Test
    void givenResultWithoutDescription_whenEvaluated_thenResultArnWinsOverManifestIdentity() {
        // The manifest's prediction metadata names demo/3; the result's ARN names legacy/1.
        Path manifest = Fixtures.resource("manifests/tolerant-bom-crlf.jsonl");
        EvaluationResult result = Formats.readResult(Fixtures.resource("documents/result-old.json"));
        Summary s = EVALUATOR.evaluate(manifest, result, null, null);
        assertThat(s.model().modelArn()).endsWith("model/legacy/1");
        assertThat(s.model().project()).isEqualTo("legacy");
        assertThat(s.model().version()).isEqualTo("1");
        Summary manifestOnly = EVALUATOR.evaluate(manifest, null, null, null);
        assertThat(manifestOnly.model().project()).isEqualTo("demo");
        assertThat(manifestOnly.model().version()).isEqualTo("3");
    }

    @Test
    void givenSegmentationSample_whenEvaluated_thenLabelsCarryReportedPixelFigures() {
        Summary s = sample("cookies", 1, true);
        assertThat(s.modelType()).isEqualTo("SEGMENTATION");
        assertThat(s.labels()).extracting(LabelMetrics::name).containsExactly("crack", "scratch");
        LabelMetrics scratch = s.labels().get(1);
        assertThat(scratch.f1Score()).isEqualTo(0.682313);
        assertThat(scratch.averageIou()).isEqualTo(0.517);
        assertThat(s.reported().evaluationResult().labels()).hasSize(2);
    }

    @Test
    void givenResultLabelAbsentFromManifest_whenEvaluated_thenListedWithZeroImageCounts() {
        EvaluationResult result = Formats.readResult(Fixtures.resource("documents/result-segmentation.json"));
        Summary s = EVALUATOR.evaluate(Fixtures.resource("manifests/segmentation-variants.jsonl"), result, null,
                null);
        assertThat(s.labels()).extracting(LabelMetrics::name).containsExactly("crack", "dent", "scratch");
        assertThat(s.labels().get(1)).isEqualTo(new LabelMetrics("dent", 0, 0, null, null, null, 0.25));
        assertThat(s.labels().get(2).groundTruthImages()).isEqualTo(2);
        assertThat(s.labels().get(2).precision()).isEqualTo(0.7);
    }

    @Test
    void givenSink_whenEvaluatingStream_thenEveryImageInFileOrder() throws IOException {
        Path manifest = Fixtures.resource("manifests/classification-basic.jsonl");
        List<ImageResult> seen = new ArrayList<>();
        try (InputStream in = Files.newInputStream(manifest)) {
            EVALUATOR.evaluate(in, "s3://bucket/m.jsonl", null, null, null, seen::add);
        }
        assertThat(seen).extracting(ImageResult::line).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(seen).filteredOn(r -> !r.correct()).hasSize(2);
    }

    @Test
    void givenOnlyNormalImages_whenEvaluated_thenUndefinedFiguresAreJsonNull() throws IOException {
        String line = "{\"anomaly-label-metadata\":{\"class-name\":\"normal\"},"
                + "\"anomaly-label-detected-metadata\":{\"class-name\":\"normal\",\"confidence\":0.8}}\n";
        Summary s = EVALUATOR.evaluate(new java.io.ByteArrayInputStream((line + line).getBytes()), "m", null, null,
                null, null);
        assertThat(s.metrics().precision()).isNull();
        assertThat(s.metrics().recall()).isNull();
        assertThat(s.metrics().rocAuc()).isNull();
        assertThat(s.metrics().averagePrecision()).isNull();
        assertThat(s.bestThreshold()).isNull();
        assertThat(s.sources().manifest()).isEqualTo("m");
        JsonNode json = Json.mapper().valueToTree(s);
        assertThat(json.get("metrics").get("precision").isNull()).isTrue();
        assertThat(json.get("metrics").get("accuracy").asDouble()).isEqualTo(1.0);
        assertThat(json.get("bestThreshold").isNull()).isTrue();
    }

    @Test
    void givenSummary_whenWrittenAndReadBack_thenEqualAndTopLevelKeysAsDesigned() throws IOException {
        Summary s = sample("cookies", 1, true);
        String json = Json.mapper().writeValueAsString(s);
        Summary back = Formats.readSummary(new java.io.ByteArrayInputStream(json.getBytes()), "s.json");
        assertThat(back).isEqualTo(s);
        List<String> keys = new ArrayList<>();
        Json.mapper().readTree(json).fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("schemaVersion", "model", "modelType", "sources", "computedAt", "metrics",
                "reported", "differences", "bestThreshold", "curves", "labels", "misclassified", "intervals",
                "testSetFingerprint");
        List<String> metricKeys = new ArrayList<>();
        Json.mapper().readTree(json).get("metrics").fieldNames().forEachRemaining(metricKeys::add);
        assertThat(metricKeys).startsWith("images", "anomalous", "normal", "truePositives", "falsePositives",
                "trueNegatives", "falseNegatives", "precision", "recall", "f1Score", "accuracy", "rocAuc",
                "averagePrecision");
    }
}
