package dev.lfvmetrics.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lfvmetrics.core.error.InvalidInputException;
import dev.lfvmetrics.core.evaluate.EvaluationOptions;
import dev.lfvmetrics.core.evaluate.Evaluator;
import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.core.stats.McNemar;
import dev.lfvmetrics.core.summary.Curves;
import dev.lfvmetrics.core.summary.ImageResult;
import dev.lfvmetrics.core.summary.Summary;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignificantDropsTest {

    private static final Evaluator EVALUATOR = new Evaluator(EvaluationOptions.defaults());

    /** One evaluated version: its summary and the per-image results the evaluator streamed. */
    private record Version(Summary summary, List<ImageResult> images) {
    }

    /** Scores of 30 anomalous then 40 normal images, the anomalous ones between 0.35 and 0.75 + shift. */
    private static double[] scores(long seed) {
        Random random = new Random(seed);
        double[] out = new double[70];
        for (int i = 0; i < 70; i++) {
            out[i] = i < 30 ? 0.35 + 0.4 * random.nextDouble() : 0.05 + 0.5 * random.nextDouble();
        }
        return out;
    }

    private static Version evaluate(double[] scores) {
        StringBuilder manifest = new StringBuilder();
        for (int i = 0; i < scores.length; i++) {
            boolean anomalous = i < 30;
            boolean flagged = scores[i] >= 0.5;
            double confidence = flagged ? scores[i] : 1 - scores[i];
            manifest.append(String.format(Locale.ROOT, "{\"source-ref\":\"s3://b/%d.jpg\",\"anomaly-label\":%d,"
                    + "\"anomaly-label-metadata\":{\"class-name\":\"%s\"},\"anomaly-label-detected\":%d,"
                    + "\"anomaly-label-detected-metadata\":{\"class-name\":\"%s\",\"confidence\":%.6f}}%n", i,
                    anomalous ? 1 : 0, anomalous ? "anomaly" : "normal", flagged ? 1 : 0,
                    flagged ? "anomaly" : "normal", confidence));
        }
        List<ImageResult> images = new ArrayList<>();
        Summary summary = EVALUATOR.evaluate(new ByteArrayInputStream(manifest.toString()
                .getBytes(StandardCharsets.UTF_8)), "generated", null, null, null, images::add);
        return new Version(summary, images);
    }

    /** The base's scores with {@code broken} flagged anomalies pushed under 0.5 and {@code fixed} missed ones over. */
    private static double[] changed(double[] base, int broken, int fixed) {
        double[] out = base.clone();
        for (int i = 0; i < 30; i++) {
            if (out[i] >= 0.5 && broken > 0) {
                out[i] = 0.2;
                broken--;
            } else if (out[i] < 0.5 && fixed > 0 && base[i] < 0.5) {
                out[i] = 0.9;
                fixed--;
            }
        }
        assertThat(broken + fixed).as("the base has enough images to change").isZero();
        return out;
    }

    private static PolicyJudgement judge(String policy, Version base, Version candidate) {
        return PolicyEvaluator.judge(PolicyEvaluator.read(policy, "inline"), candidate.summary(), base.summary(),
                PerImageResults.of(candidate.images(), base.images()));
    }

    @Test
    void givenAFewImagesFlippedBothWays_whenJudgedSignificantly_thenTheDropIsInconclusiveWithWhatCouldBeDetected() {
        Version base = evaluate(scores(1));
        Version candidate = evaluate(changed(scores(1), 3, 1));
        assertThat(base.summary().metrics().recall() - candidate.summary().metrics().recall())
                .isCloseTo(2.0 / 30, within(1e-12));
        PolicyJudgement j = judge("{\"maximumDrops\":{\"recall\":0.02,\"f1Score\":0.02}}", base, candidate);
        assertThat(j.breaches()).isEmpty();
        assertThat(j.inconclusive()).extracting(Breach::key).containsExactly("INCONCLUSIVE#recall",
                "INCONCLUSIVE#f1Score");
        Breach recall = j.inconclusive().get(0);
        assertThat(recall.evidence().method()).isEqualTo(Evidence.MCNEMAR);
        assertThat(recall.evidence().baseOnlyRight()).isEqualTo(3);
        assertThat(recall.evidence().candidateOnlyRight()).isEqualTo(1);
        assertThat(recall.evidence().pValue()).isEqualTo(McNemar.exactPValue(3, 1));
        // 4 disagreements on 30 anomalous images: the most uneven split of 6 (6 to 0) is the first below 0.05.
        assertThat(recall.evidence().smallestDetectableDrop()).isCloseTo(6.0 / 30, within(1e-12));
        assertThat(recall.message()).contains("cannot tell it from noise at 95 %")
                .contains("the smallest drop these 30 images could show as real is 0.2000");
        Breach f1 = j.inconclusive().get(1);
        assertThat(f1.evidence().method()).isEqualTo(Evidence.PAIRED_BOOTSTRAP);
        assertThat(f1.evidence().high()).isPositive();
        assertThat(f1.evidence().smallestDetectableDrop()).isPositive();
    }

    @Test
    void givenTheSameNoisyDrop_whenJudgedInAnyMode_thenItIsARegressionCarryingTheTest() {
        Version base = evaluate(scores(1));
        Version candidate = evaluate(changed(scores(1), 3, 1));
        PolicyJudgement j = judge("{\"maximumDrops\":{\"recall\":0.02},\"regression\":{\"mode\":\"any\"}}", base,
                candidate);
        assertThat(j.inconclusive()).isEmpty();
        assertThat(j.breaches()).singleElement().satisfies(b -> {
            assertThat(b.key()).isEqualTo("REGRESSION#recall");
            assertThat(b.evidence().pValue()).isEqualTo(McNemar.exactPValue(3, 1));
        });
    }

    @Test
    void givenTwelveAnomaliesBrokenAndNoneFixed_whenJudged_thenARealRegressionWithItsPValue() {
        Version base = evaluate(scores(1));
        Version candidate = evaluate(changed(scores(1), 12, 0));
        PolicyJudgement j = judge("{\"maximumDrops\":{\"recall\":0.05,\"accuracy\":0.05,\"rocAuc\":0.02}}", base,
                candidate);
        assertThat(j.inconclusive()).isEmpty();
        assertThat(j.breaches()).extracting(Breach::key).containsExactly("REGRESSION#recall",
                "REGRESSION#accuracy", "REGRESSION#rocAuc");
        assertThat(j.breaches().get(0).evidence().pValue()).isCloseTo(2 * Math.pow(0.5, 12), within(1e-12));
        assertThat(j.breaches().get(0).message()).contains("McNemar p = 0.0005 (12 images right only before, 0 "
                + "only now)");
        assertThat(j.breaches().get(2).evidence().method()).isEqualTo(Evidence.PAIRED_DELONG);
        assertThat(j.breaches().get(2).evidence().high()).isNegative();
    }

    @Test
    void givenADropAtA99PercentLevel_whenTheTestOnlyRejectsAt95_thenInconclusive() {
        Version base = evaluate(scores(1));
        Version candidate = evaluate(changed(scores(1), 7, 0));
        // 7 to 0: p = 2 / 128 = 0.0156, real at 95 % and not at 99 %.
        assertThat(judge("{\"maximumDrops\":{\"recall\":0.05}}", base, candidate).breaches()).hasSize(1);
        PolicyJudgement strict = judge("{\"maximumDrops\":{\"recall\":0.05},\"regression\":{\"level\":0.99}}",
                base, candidate);
        assertThat(strict.breaches()).isEmpty();
        assertThat(strict.inconclusive()).singleElement().satisfies(b -> {
            assertThat(b.evidence().level()).isEqualTo(0.99);
            assertThat(b.message()).contains("at 99 %");
        });
    }

    @Test
    void givenNoPerImageResults_whenADropExceedsItsLimit_thenARegressionSayingItWasNotTested() {
        Version base = evaluate(scores(1));
        Version candidate = evaluate(changed(scores(1), 3, 1));
        ThresholdPolicy p = PolicyEvaluator.read("{\"maximumDrops\":{\"recall\":0.02}}", "inline");
        PolicyJudgement j = PolicyEvaluator.judge(p, candidate.summary(), base.summary(),
                PerImageResults.of(candidate.images(), null));
        assertThat(j.breaches()).singleElement().satisfies(b -> {
            assertThat(b.evidence().method()).isEqualTo(Evidence.UNTESTED);
            assertThat(b.message()).endsWith("; not tested: no per-image results of the baseline");
        });
        assertThat(PolicyEvaluator.evaluate(p, candidate.summary(), base.summary())).hasSize(1);
    }

    @Test
    void givenAMetricNoPairedTestCovers_whenItDrops_thenJudgedOnTheObservedDropAndSaid() {
        // A drop of a lower-is-better count is an improvement; the rule is odd, but judged as written.
        Version base = evaluate(changed(scores(1), 12, 0));
        Version candidate = evaluate(scores(1));
        PolicyJudgement j = judge("{\"maximumDrops\":{\"falseNegatives\":0}}", base, candidate);
        assertThat(j.breaches()).singleElement().satisfies(b -> assertThat(b.evidence().note())
                .isEqualTo("not tested: no paired test covers falseNegatives"));
        assertThat(judge("{\"maximumDrops\":{\"falseNegatives\":0}}", candidate, base).breaches()).isEmpty();
    }

    @Test
    void givenARelativeDrop_whenJudged_thenItsOwnKeyAndTheDetectableDropRelativeToTheBaseline() {
        Version base = evaluate(scores(1));
        Version candidate = evaluate(changed(scores(1), 3, 1));
        double recall = base.summary().metrics().recall();
        PolicyJudgement j = judge("{\"maximumDrops\":{\"recall\":0.02},\"maximumRelativeDrops\":{\"recall\":0.05}}",
                base, candidate);
        assertThat(j.inconclusive()).extracting(Breach::key).containsExactly("INCONCLUSIVE#recall",
                "INCONCLUSIVE#recall#relative");
        assertThat(j.inconclusive().get(1).evidence().smallestDetectableDrop())
                .isCloseTo(6.0 / 30 / recall, within(1e-12));
        assertThat(j.inconclusive().get(1).message()).startsWith(String.format(Locale.ROOT,
                "recall dropped by %.4f %% from", 100 * (2.0 / 30) / recall));
        assertThat(judge("{\"maximumRelativeDrops\":{\"recall\":0.5}}", base, candidate).inconclusive()).isEmpty();
    }

    @Test
    void givenOperatingPointRules_whenChecked_thenTheBestPointOfEveryThresholdAndItsThreshold() {
        Version v = evaluate(scores(3));
        PolicyJudgement j = PolicyEvaluator.judge(PolicyEvaluator.read("{\"operatingPoints\":{\"precisionAtRecall\":"
                + "{\"0.9\":1.0,\"0\":0},\"recallAtFalsePositiveRate\":{\"0.05\":1.0}}}", "inline"), v.summary(),
                null, PerImageResults.NONE);
        assertThat(j.breaches()).extracting(Breach::key).containsExactly("OPERATING_POINT#precisionAtRecall@0.9",
                "OPERATING_POINT#recallAtFalsePositiveRate@0.05");
        double[] best = bruteForce(v.images(), 0.9, 0.05);
        assertThat(j.breaches().get(0).actual()).isEqualTo(best[0]);
        assertThat(j.breaches().get(0).evidence().threshold()).isEqualTo(best[1]);
        assertThat(j.breaches().get(1).actual()).isEqualTo(best[2]);
        assertThat(j.breaches().get(1).evidence().threshold()).isEqualTo(best[3]);
    }

    @Test
    void givenCurvesReducedForStorage_whenAnOperatingPointIsChecked_thenReadFromThePerImageResultsOnly() {
        Version v = evaluate(scores(3));
        Summary s = v.summary();
        List<Curves.RocPoint> roc = new ArrayList<>(s.curves().roc());
        while (roc.size() < Curves.MAX_POINTS) {
            roc.add(roc.get(roc.size() - 1));
        }
        Summary reduced = new Summary(s.schemaVersion(), s.model(), s.modelType(), s.sources(), s.computedAt(),
                s.metrics(), s.reported(), s.differences(), s.bestThreshold(),
                new Curves(roc, s.curves().precisionRecall()), s.labels(), s.misclassified(), s.intervals(),
                s.testSetFingerprint());
        ThresholdPolicy p = PolicyEvaluator.read("{\"operatingPoints\":{\"recallAtFalsePositiveRate\":"
                + "{\"0.05\":1.0}}}", "inline");
        assertThat(PolicyEvaluator.evaluate(p, reduced, null)).singleElement().satisfies(b -> {
            assertThat(b.kind()).isEqualTo(Breach.UNDEFINED);
            assertThat(b.message()).contains("the summary's curves are reduced and there are no per-image results");
        });
        assertThat(PolicyEvaluator.judge(p, reduced, null, PerImageResults.of(v.images(), null)).breaches())
                .singleElement().satisfies(b -> assertThat(b.actual()).isEqualTo(bruteForce(v.images(), 0.9,
                        0.05)[2]));
    }

    /** {best precision at recall >= r, its threshold, best recall at FPR <= f, its threshold}, over every score. */
    private static double[] bruteForce(List<ImageResult> images, double r, double f) {
        double[] out = {-1, 0, -1, 0};
        for (ImageResult t : images) {
            long tp = images.stream().filter(i -> i.actual().equals("anomaly") && i.anomalyScore() >= t.anomalyScore())
                    .count();
            long fp = images.stream().filter(i -> i.actual().equals("normal") && i.anomalyScore() >= t.anomalyScore())
                    .count();
            double recall = tp / 30.0;
            double precision = (double) tp / (tp + fp);
            if (recall >= r && (precision > out[0] || precision == out[0] && t.anomalyScore() < out[1])) {
                out[0] = precision;
                out[1] = t.anomalyScore();
            }
            if (fp / 40.0 <= f && (recall > out[2] || recall == out[2] && t.anomalyScore() > out[3])) {
                out[2] = recall;
                out[3] = t.anomalyScore();
            }
        }
        return out;
    }

    @Test
    void givenEveryNewRule_whenRead_thenKeptInOrderAndWrittenBackTheSame() throws Exception {
        String json = "{\"maximumRelativeDrops\":{\"f1Score\":0.05},\"regression\":{\"mode\":\"any\",\"level\":0.9},"
                + "\"operatingPoints\":{\"precisionAtRecall\":{\"0.95\":0.7,\"0.8\":0.9},"
                + "\"recallAtFalsePositiveRate\":{\"0.01\":0.5}}}";
        ThresholdPolicy p = PolicyEvaluator.read(json, "inline");
        assertThat(p.maximumRelativeDrops()).containsExactly(Map.entry("f1Score", 0.05));
        assertThat(p.regression()).isEqualTo(new RegressionRule(RegressionRule.ANY, 0.9));
        assertThat(p.operatingPoints().precisionAtRecall()).containsExactly(Map.entry(0.95, 0.7),
                Map.entry(0.8, 0.9));
        assertThat(p.operatingPoints().recallAtFalsePositiveRate()).containsExactly(Map.entry(0.01, 0.5));
        assertThat(PolicyEvaluator.read(Json.mapper().writeValueAsString(p), "stored")).isEqualTo(p);
        assertThat(PolicyEvaluator.read("{}", "inline").regression())
                .isEqualTo(new RegressionRule(RegressionRule.SIGNIFICANT, 0.95));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"regression\":{\"mode\":\"maybe\"}}          | regression.mode: expected \"significant\" or \"any\"",
        "{\"regression\":{\"level\":1}}                 | regression.level: expected a confidence level between 0",
        "{\"regression\":{\"alpha\":0.05}}              | regression: unknown key \"alpha\" (expected mode, level)",
        "{\"regression\":\"significant\"}               | regression: expected an object with mode, level",
        "{\"maximumRelativeDrops\":{\"recall\":-0.1}}   | maximumRelativeDrops.recall: a drop must not be negative",
        "{\"operatingPoints\":{\"precisionAt\":{}}}     | operatingPoints: unknown key \"precisionAt\"",
        "{\"operatingPoints\":{\"precisionAtRecall\":{\"high\":0.7}}} | operatingPoints.precisionAtRecall.high: "
                + "the key must be a rate",
        "{\"operatingPoints\":{\"precisionAtRecall\":{\"1.5\":0.7}}}  | operatingPoints.precisionAtRecall.1.5: "
                + "the key must be a rate",
        "{\"operatingPoints\":{\"recallAtFalsePositiveRate\":{\"0.1\":2}}} | "
                + "operatingPoints.recallAtFalsePositiveRate.0.1: expected a minimum between 0 and 1, got 2",
        "{\"operatingPoints\":{\"precisionAtRecall\":{\"0.9\":0.5,\"0.90\":0.6}}} | "
                + "operatingPoints.precisionAtRecall.0.90: the same rate is given twice"})
    void givenABadNewRule_whenRead_thenOneLineNamingIt(String json, String problem) {
        assertThatThrownBy(() -> PolicyEvaluator.read(json, "inline"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problem()).startsWith(problem));
    }

    @Test
    void givenDisagreements_whenTheSmallestSignificantDifferenceIsAsked_thenTheFirstSplitBelowAlpha() {
        // 6 to 0: 2 / 64 < 0.05, 5 to 0: 2 / 32 > 0.05.
        assertThat(McNemar.smallestSignificantDifference(0, 100, 0.05)).isEqualTo(6);
        // 20 disagreements: 15 to 5 (p 0.041) is the first; 14 to 6 gives 0.115.
        assertThat(McNemar.exactPValue(15, 5)).isLessThan(0.05);
        assertThat(McNemar.exactPValue(14, 6)).isGreaterThan(0.05);
        assertThat(McNemar.smallestSignificantDifference(20, 100, 0.05)).isEqualTo(10);
        assertThat(McNemar.smallestSignificantDifference(3, 5, 0.05)).isEqualTo(-1);
    }
}
