package dev.lfvmetrics.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.core.summary.BestThreshold;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of metric-test-vectors.json (scikit-learn 1.2.1 reference values, copied from the shared reference). */
class MetricTestVectorsTest {

    private static final double TOLERANCE = 1e-9;

    static JsonNode vectors() throws IOException {
        try (InputStream in = MetricTestVectorsTest.class.getResourceAsStream("/metric-test-vectors.json")) {
            return Json.mapper().readTree(in);
        }
    }

    static Stream<JsonNode> binaryCases() throws IOException {
        List<JsonNode> cases = new ArrayList<>();
        vectors().get("binary_cases").forEach(cases::add);
        return cases.stream();
    }

    static ScoreRanking ranking(JsonNode c) {
        int n = c.get("y").size();
        boolean[] y = new boolean[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = c.get("y").get(i).asInt() == 1;
            s[i] = c.get("s").get(i).asDouble();
        }
        return ScoreRanking.of(y, s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("binaryCases")
    void givenVectorCase_whenRanked_thenRocAucMatchesScikitLearn(JsonNode c) {
        assertThat(ranking(c).rocAuc()).isCloseTo(c.get("roc_auc").asDouble(), within(TOLERANCE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("binaryCases")
    void givenVectorCase_whenRanked_thenAveragePrecisionMatchesScikitLearn(JsonNode c) {
        assertThat(ranking(c).averagePrecision()).isCloseTo(c.get("ap").asDouble(), within(TOLERANCE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("binaryCases")
    void givenVectorCaseWithMaxF1_whenRanked_thenBestThresholdMatches(JsonNode c) {
        if (!c.has("max_f1")) {
            assertThat(ranking(c).bestF1()).isNotNull();
            return;
        }
        BestThreshold best = ranking(c).bestF1();
        assertThat(best.f1Score()).isCloseTo(c.get("max_f1").asDouble(), within(TOLERANCE));
        assertThat(best.threshold()).isEqualTo(c.get("max_f1_threshold").asDouble());
    }

    @Test
    void givenTenCase_whenCountedAtThreshold06_thenPrecisionRecallF1Match() throws IOException {
        JsonNode ten = null;
        for (JsonNode c : vectors().get("binary_cases")) {
            if ("ten".equals(c.get("name").asText())) {
                ten = c;
            }
        }
        JsonNode expected = ten.get("at_threshold_0.6");
        ConfusionCounts counts = ranking(ten).countsAtThreshold(0.6);
        assertThat(counts.precision()).isCloseTo(expected.get("precision").asDouble(), within(TOLERANCE));
        assertThat(counts.recall()).isCloseTo(expected.get("recall").asDouble(), within(TOLERANCE));
        assertThat(counts.f1Score()).isCloseTo(expected.get("f1").asDouble(), within(TOLERANCE));
    }

    @Test
    void givenLookoutForVisionDocExamples_whenF1FromPrecisionAndRecall_thenMatchesSixDecimals() throws IOException {
        JsonNode examples = vectors().get("l4v_doc_f1_examples");
        assertThat(examples.size()).isEqualTo(3);
        for (JsonNode e : examples) {
            assertThat(ConfusionCounts.f1(e.get("p").asDouble(), e.get("r").asDouble()))
                    .isCloseTo(e.get("f1").asDouble(), within(5e-7));
        }
    }

    @Test
    void givenIouCase_whenOverlapCounted_thenIouDicePrecisionRecallMatch() throws IOException {
        JsonNode iou = vectors().get("iou_case");
        // rows 0-1, cols 0-1 vs rows 0-1, cols 1-2 of a 4x4 mask, as the vector describes
        boolean[] truth = new boolean[16];
        boolean[] predicted = new boolean[16];
        for (int row = 0; row < 2; row++) {
            truth[row * 4] = true;
            truth[row * 4 + 1] = true;
            predicted[row * 4 + 1] = true;
            predicted[row * 4 + 2] = true;
        }
        PixelOverlap o = PixelOverlap.of(truth, predicted);
        assertThat(o.intersection()).isEqualTo(iou.get("intersection").asLong());
        assertThat(o.union()).isEqualTo(iou.get("union").asLong());
        assertThat(o.iou()).isCloseTo(iou.get("iou").asDouble(), within(TOLERANCE));
        assertThat(o.counts().truePositives()).isEqualTo(iou.get("tp").asLong());
        assertThat(o.counts().falsePositives()).isEqualTo(iou.get("fp").asLong());
        assertThat(o.counts().falseNegatives()).isEqualTo(iou.get("fn").asLong());
        assertThat(o.counts().precision()).isCloseTo(iou.get("precision").asDouble(), within(TOLERANCE));
        assertThat(o.counts().recall()).isCloseTo(iou.get("recall").asDouble(), within(TOLERANCE));
        assertThat(o.dice()).isCloseTo(iou.get("dice_f1").asDouble(), within(TOLERANCE));
    }

    @Test
    void givenOneClassOnly_whenRanked_thenAucUndefinedAndApUndefinedWithoutPositives() {
        ScoreRanking onlyNormal = ScoreRanking.of(new boolean[] {false, false}, new double[] {0.2, 0.7});
        assertThat(onlyNormal.rocAuc()).isNull();
        assertThat(onlyNormal.averagePrecision()).isNull();
        assertThat(onlyNormal.bestF1()).isNull();
        ScoreRanking onlyAnomalous = ScoreRanking.of(new boolean[] {true, true}, new double[] {0.2, 0.7});
        assertThat(onlyAnomalous.rocAuc()).isNull();
        assertThat(onlyAnomalous.averagePrecision()).isEqualTo(1.0);
    }
}
