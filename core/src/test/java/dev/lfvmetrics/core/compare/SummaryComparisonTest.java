package dev.lfvmetrics.core.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lfvmetrics.core.Fixtures;
import dev.lfvmetrics.core.evaluate.EvaluationOptions;
import dev.lfvmetrics.core.evaluate.Evaluator;
import dev.lfvmetrics.core.format.Formats;
import dev.lfvmetrics.core.policy.MetricNames;
import dev.lfvmetrics.core.summary.Summary;
import org.junit.jupiter.api.Test;

class SummaryComparisonTest {

    private static final Evaluator EVALUATOR = new Evaluator(EvaluationOptions.defaults());

    private static Summary sample(String project, int version) {
        String name = project + "-" + version + ".json";
        return EVALUATOR.evaluate(Fixtures.sample(project, "EvaluationManifest-" + name),
                Formats.readResult(Fixtures.sample(project, "EvaluationResult-" + name)), null, null);
    }

    @Test
    void givenTwoVersions_whenCompared_thenEveryMetricWithBothValuesAndCandidateMinusBase() {
        Summary v1 = sample("circuit-board", 1);
        Summary v2 = sample("circuit-board", 2);
        Comparison c = SummaryComparison.compare(v1, v2);
        assertThat(c.base().version()).isEqualTo("1");
        assertThat(c.candidate().version()).isEqualTo("2");
        assertThat(c.metrics()).extracting(Comparison.MetricDelta::metric)
                .containsExactlyElementsOf(MetricNames.summaryMetrics());
        Comparison.MetricDelta f1 = c.metrics().stream().filter(d -> d.metric().equals("f1Score")).findFirst()
                .orElseThrow();
        assertThat(f1.base()).isEqualTo(v1.metrics().f1Score());
        assertThat(f1.candidate()).isEqualTo(v2.metrics().f1Score());
        assertThat(f1.difference()).isCloseTo(v2.metrics().f1Score() - v1.metrics().f1Score(), within(1e-15));
        Comparison.MetricDelta fp = c.metrics().stream().filter(d -> d.metric().equals("falsePositives"))
                .findFirst().orElseThrow();
        assertThat(fp.difference()).isEqualTo((double) (v2.metrics().falsePositives()
                - v1.metrics().falsePositives()));
        assertThat(c.bestThreshold()).extracting(Comparison.MetricDelta::metric)
                .containsExactly("threshold", "precision", "recall", "f1Score");
        assertThat(c.labels()).isEmpty();
    }

    @Test
    void givenClassificationAgainstSegmentation_whenCompared_thenLabelsOnOneSideHaveNullDifferences() {
        Comparison c = SummaryComparison.compare(sample("circuit-board", 1), sample("cookies", 1));
        assertThat(c.baseType()).isEqualTo("CLASSIFICATION");
        assertThat(c.candidateType()).isEqualTo("SEGMENTATION");
        assertThat(c.labels()).extracting(Comparison.LabelDelta::label).containsExactly("crack", "scratch");
        Comparison.LabelDelta crack = c.labels().get(0);
        assertThat(crack.inBase()).isFalse();
        assertThat(crack.inCandidate()).isTrue();
        assertThat(crack.metrics()).allSatisfy(d -> assertThat(d.difference()).isNull());
        assertThat(crack.metrics()).filteredOn(d -> d.metric().equals("averageIou"))
                .singleElement().satisfies(d -> assertThat(d.candidate()).isEqualTo(0.392));
    }

    @Test
    void givenSameSummaryTwice_whenCompared_thenAllDefinedDifferencesZero() {
        Summary cookies = sample("cookies", 1);
        Comparison c = SummaryComparison.compare(cookies, cookies);
        assertThat(c.metrics()).allSatisfy(d -> assertThat(d.difference()).isZero());
        assertThat(c.labels()).allSatisfy(l -> assertThat(l.inBase() && l.inCandidate()).isTrue());
    }

    @Test
    void givenTwoSummariesOfTheSameImages_whenCompared_thenTheFingerprintsAgreeAndNoWarning() {
        Comparison c = SummaryComparison.compare(sample("circuit-board", 1), sample("circuit-board", 2));
        assertThat(c.testSets().identical()).isTrue();
        assertThat(c.testsNote()).isEqualTo(SummaryComparison.NO_IMAGES);
    }

    @Test
    void givenSummariesOfDifferentTestSets_whenCompared_thenTheNoteSaysSoLoudly() {
        Comparison c = SummaryComparison.compare(sample("circuit-board", 1), sample("cookies", 1));
        assertThat(c.testSets().identical()).isFalse();
        assertThat(c.testsNote()).startsWith("DIFFERENT TEST SETS");
    }
}
