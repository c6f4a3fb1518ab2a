package dev.lfvmetrics.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lfvmetrics.core.Fixtures;
import dev.lfvmetrics.core.error.InvalidInputException;
import dev.lfvmetrics.core.evaluate.EvaluationOptions;
import dev.lfvmetrics.core.evaluate.Evaluator;
import dev.lfvmetrics.core.format.Formats;
import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.core.summary.LabelMetrics;
import dev.lfvmetrics.core.summary.Summary;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyEvaluatorTest {

    private static final Evaluator EVALUATOR = new Evaluator(EvaluationOptions.defaults());

    private static ThresholdPolicy policy(String name) throws IOException {
        Path file = Fixtures.resource("policies/" + name);
        try (InputStream in = Files.newInputStream(file)) {
            return PolicyEvaluator.read(in, file.toString());
        }
    }

    private static Summary sample(String project, int version) {
        String name = project + "-" + version + ".json";
        return EVALUATOR.evaluate(Fixtures.sample(project, "EvaluationManifest-" + name),
                Formats.readResult(Fixtures.sample(project, "EvaluationResult-" + name)), null, null);
    }

    @Test
    void givenDesignExample_whenRead_thenAllRulesInDocumentOrder() throws IOException {
        ThresholdPolicy p = policy("design-example.json");
        assertThat(p.minimums()).containsExactly(Map.entry("f1Score", 0.80), Map.entry("precision", 0.75),
                Map.entry("recall", 0.75), Map.entry("rocAuc", 0.85));
        assertThat(p.maximumDrops()).containsExactly(Map.entry("f1Score", 0.02), Map.entry("recall", 0.05));
        assertThat(p.labelMinimums().get("scratch")).containsEntry("averageIou", 0.4);
        assertThat(p.labelMinimums().get("*")).containsExactly(Map.entry("f1Score", 0.3));
    }

    @Test
    void givenPolicy_whenWrittenAsJsonAndReadBack_thenEqual() throws IOException {
        ThresholdPolicy p = policy("design-example.json");
        String json = Json.mapper().writeValueAsString(p);
        assertThat(Json.mapper().readTree(json).fieldNames()).toIterable()
                .containsExactly("minimums", "maximumDrops", "labelMinimums", "maximums", "maximumRelativeDrops",
                        "regression", "operatingPoints");
        assertThat(PolicyEvaluator.read(json, "stored")).isEqualTo(p);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown-key.json          | unknown key \"maximumDrop\" (expected minimums, maximums, maximumDrops, ",
        "unknown-metric.json       | minimums.f1: unknown metric (known: images, ",
        "not-number.json           | minimums.recall: expected a number, got \"high\"",
        "negative-drop.json        | maximumDrops.recall: a drop must not be negative, got -0.1",
        "label-unknown-metric.json | labelMinimums.scratch.rocAuc: unknown metric (known: groundTruthImages, "})
    void givenInvalidPolicy_whenRead_thenErrorNamesTheBadKey(String file, String problem) {
        Path path = Fixtures.resource("policies/" + file);
        assertThatThrownBy(() -> policy(file))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.source()).isEqualTo(path.toString());
                    assertThat(e.problem()).startsWith(problem);
                });
    }

    @Test
    void givenBrokenPolicyJson_whenRead_thenLineNamed() {
        assertThatThrownBy(() -> policy("broken.json"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.problem()).startsWith("broken JSON");
                });
        assertThatThrownBy(() -> PolicyEvaluator.read(new ByteArrayInputStream(new byte[0]), "env"))
                .hasMessage("env: empty document");
    }

    @Test
    void givenGoodModel_whenCheckedAgainstDesignExample_thenNoBreach() throws IOException {
        assertThat(PolicyEvaluator.evaluate(policy("design-example.json"), sample("circuit-board", 1), null))
                .isEmpty();
    }

    @Test
    void givenWorseModelAndBaseline_whenChecked_thenMinimumAndRegressionBreaches() throws IOException {
        Summary base = sample("circuit-board", 1);
        Summary candidate = sample("circuit-board", 2);
        List<Breach> breaches = PolicyEvaluator.evaluate(policy("design-example.json"), candidate, base);
        assertThat(breaches).extracting(Breach::key)
                .containsExactly("MINIMUM#f1Score", "REGRESSION#f1Score", "REGRESSION#recall");
        Breach drop = breaches.get(1);
        assertThat(drop.actual()).isEqualTo(candidate.metrics().f1Score());
        assertThat(drop.baseline()).isEqualTo(base.metrics().f1Score());
        assertThat(drop.limit()).isEqualTo(0.02);
        assertThat(drop.message()).contains("dropped by");
        assertThat(breaches.get(0).message()).isEqualTo(String.format(java.util.Locale.ROOT,
                "f1Score %.4f (95 %% interval %.4f to %.4f) is below the minimum 0.8000", candidate.metrics().f1Score(),
                candidate.intervals().f1Score().low(), candidate.intervals().f1Score().high()));
        assertThat(breaches.get(0).evidence().method()).isEqualTo("bootstrap");
        assertThat(drop.evidence().note()).isEqualTo("not tested: no per-image results of the baseline");
    }

    @Test
    void givenNoBaseline_whenChecked_thenDropsNotChecked() throws IOException {
        List<Breach> breaches = PolicyEvaluator.evaluate(policy("design-example.json"), sample("circuit-board", 2),
                null);
        assertThat(breaches).extracting(Breach::kind).containsOnly(Breach.MINIMUM);
    }

    @Test
    void givenDropExactlyAtTheLimitWithFloatNoise_whenChecked_thenNoBreach() {
        Summary base = sample("circuit-board", 1);
        double f1 = base.metrics().f1Score();
        ThresholdPolicy p = new ThresholdPolicy(Map.of(), Map.of("f1Score", 0.1), Map.of());
        Summary candidate = withF1(base, f1 - 0.1);
        assertThat(PolicyEvaluator.evaluate(p, candidate, base)).isEmpty();
        assertThat(PolicyEvaluator.evaluate(p, withF1(base, f1 - 0.1001), base)).hasSize(1);
    }

    @Test
    void givenUndefinedMetricUnderMinimum_whenChecked_thenUndefinedBreach() {
        Summary onlyNormal = EVALUATOR.evaluate(new ByteArrayInputStream(("{\"anomaly-label-metadata\":{\"class-name\""
                + ":\"normal\"},\"anomaly-label-detected-metadata\":{\"class-name\":\"normal\",\"confidence\":0.8}}")
                .getBytes()), "m", null, null, null, null);
        ThresholdPolicy p = new ThresholdPolicy(Map.of("recall", 0.5, "accuracy", 0.5), Map.of(), Map.of());
        List<Breach> breaches = PolicyEvaluator.evaluate(p, onlyNormal, null);
        assertThat(breaches).singleElement().satisfies(b -> {
            assertThat(b.kind()).isEqualTo(Breach.UNDEFINED);
            assertThat(b.metric()).isEqualTo("recall");
            assertThat(b.actual()).isNull();
        });
    }

    @Test
    void givenLabelRules_whenChecked_thenOwnRuleOverridesStarAndMissingFiguresUndefined() {
        Summary cookies = sample("cookies", 1);
        ThresholdPolicy p = new ThresholdPolicy(Map.of(), Map.of(), Map.of(
                "*", Map.of("f1Score", 0.6, "groundTruthImages", 35.0),
                "crack", Map.of("f1Score", 0.5),
                "dent", Map.of("f1Score", 0.9)));
        List<Breach> breaches = PolicyEvaluator.evaluate(p, cookies, null);
        // crack: f1 0.569 passes its own 0.5 (not the star's 0.6) but has 30 ground-truth images < 35;
        // scratch: f1 0.682 passes 0.6 and has 40 images; dent is not a label of this model.
        assertThat(breaches).singleElement().satisfies(b -> {
            assertThat(b.key()).isEqualTo("LABEL_MINIMUM#crack#groundTruthImages");
            assertThat(b.actual()).isEqualTo(30.0);
        });
        Summary noPixelFigures = new Summary(cookies.schemaVersion(), cookies.model(), cookies.modelType(),
                cookies.sources(), cookies.computedAt(), cookies.metrics(), cookies.reported(), cookies.differences(),
                cookies.bestThreshold(), cookies.curves(),
                List.of(new LabelMetrics("crack", 30, 23, null, null, null, null)), cookies.misclassified(),
                cookies.intervals(), cookies.testSetFingerprint());
        assertThat(PolicyEvaluator.evaluate(p, noPixelFigures, null)).extracting(Breach::key)
                .containsExactlyInAnyOrder("UNDEFINED#crack#f1Score", "LABEL_MINIMUM#crack#groundTruthImages");
    }

    @Test
    void givenMaximumsAndMinimumImages_whenRead_thenKeptAndWrittenBack() throws IOException {
        String json = "{\"maximums\":{\"falsePositiveRate\":0.1,\"incorrect\":20},\"minimumImages\":200,"
                + "\"minimumAnomalous\":30}";
        ThresholdPolicy p = PolicyEvaluator.read(json, "inline");
        assertThat(p.maximums()).containsExactly(Map.entry("falsePositiveRate", 0.1), Map.entry("incorrect", 20.0));
        assertThat(p.minimumImages()).isEqualTo(200);
        assertThat(p.minimumAnomalous()).isEqualTo(30);
        assertThat(p.isEmpty()).isFalse();
        assertThat(PolicyEvaluator.read(Json.mapper().writeValueAsString(p), "stored")).isEqualTo(p);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"minimumImages\":-1}          | minimumImages: expected a whole number of images >= 0, got -1",
        "{\"minimumAnomalous\":2.5}      | minimumAnomalous: expected a whole number of images >= 0, got 2.5",
        "{\"maximums\":{\"fpr\":0.1}}    | maximums.fpr: unknown metric"})
    void givenBadNewRule_whenRead_thenOneLineNamingIt(String json, String problem) {
        assertThatThrownBy(() -> PolicyEvaluator.read(json, "inline"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problem()).startsWith(problem));
    }

    @Test
    void givenTooFewImagesAndAFigureAboveItsMaximum_whenChecked_thenInsufficientDataAndMaximumBreaches() {
        Summary v2 = sample("circuit-board", 2);
        ThresholdPolicy p = PolicyEvaluator.read("{\"maximums\":{\"falsePositiveRate\":0.1,\"incorrect\":27},"
                + "\"minimumImages\":141,\"minimumAnomalous\":60}", "inline");
        List<Breach> breaches = PolicyEvaluator.evaluate(p, v2, null);
        // 140 images (< 141), 60 anomalous (not < 60); FPR 0.175 > 0.1; 27 incorrect is not above 27.
        assertThat(breaches).extracting(Breach::key)
                .containsExactly("INSUFFICIENT_DATA#images", "MAXIMUM#falsePositiveRate");
        assertThat(breaches.get(0).message()).startsWith("only 140 test images, fewer than the 141");
        assertThat(breaches.get(1).actual()).isEqualTo(v2.metrics().falsePositiveRate());
    }

    private static Summary withF1(Summary s, double f1) {
        var m = s.metrics();
        var metrics = new dev.lfvmetrics.core.summary.Metrics(m.images(), m.anomalous(), m.normal(),
                m.truePositives(), m.falsePositives(), m.trueNegatives(), m.falseNegatives(), m.precision(),
                m.recall(), f1, m.accuracy(), m.rocAuc(), m.averagePrecision(), m.specificity(),
                m.falsePositiveRate(), m.correct(), m.incorrect());
        assertThat(metrics.f1Score()).isCloseTo(f1, within(0.0));
        return new Summary(s.schemaVersion(), s.model(), s.modelType(), s.sources(), s.computedAt(), metrics,
                s.reported(), s.differences(), s.bestThreshold(), s.curves(), s.labels(), s.misclassified(),
                s.intervals(), s.testSetFingerprint());
    }
}
