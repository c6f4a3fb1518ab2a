package dev.lfvmetrics.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lfvmetrics.core.Fixtures;
import dev.lfvmetrics.core.evaluate.EvaluationOptions;
import dev.lfvmetrics.core.evaluate.Evaluator;
import dev.lfvmetrics.core.metrics.ConfusionCounts;
import dev.lfvmetrics.core.metrics.ScoreRanking;
import dev.lfvmetrics.core.summary.Interval;
import dev.lfvmetrics.core.summary.Intervals;
import dev.lfvmetrics.core.summary.Metrics;
import dev.lfvmetrics.core.summary.Summary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IntervalsTest {

    private static Summary sample(double level) {
        return new Evaluator(EvaluationOptions.defaults().withIntervalLevel(level)).evaluate(
                Fixtures.sample("circuit-board", "EvaluationManifest-circuit-board-2.json"), null, null, null);
    }

    @Test
    void givenTheSample_whenEvaluated_thenEveryHeadlineMetricHasAnIntervalAroundIt() {
        Summary s = sample(0.95);
        Intervals i = s.intervals();
        Metrics m = s.metrics();

        assertThat(i.level()).isEqualTo(0.95);
        assertThat(i.images()).isEqualTo(140);
        assertThat(i.bootstrapSkipped()).isNull();
        assertAround(i.precision(), m.precision(), Interval.WILSON, m.truePositives() + m.falsePositives());
        assertAround(i.recall(), m.recall(), Interval.WILSON, m.anomalous());
        assertAround(i.specificity(), m.specificity(), Interval.WILSON, m.normal());
        assertAround(i.falsePositiveRate(), m.falsePositiveRate(), Interval.WILSON, m.normal());
        assertAround(i.accuracy(), m.accuracy(), Interval.WILSON, m.images());
        assertAround(i.rocAuc(), m.rocAuc(), Interval.DELONG, m.images());
        assertAround(i.f1Score(), m.f1Score(), Interval.BOOTSTRAP, m.images());
        assertAround(i.averagePrecision(), m.averagePrecision(), Interval.BOOTSTRAP, m.images());
        assertThat(i.f1Score().resamples() + i.f1Score().undefined()).isEqualTo(IntervalEstimator.RESAMPLES);
    }

    private static void assertAround(Interval interval, Double value, String method, long images) {
        assertThat(interval.method()).isEqualTo(method);
        assertThat(interval.images()).isEqualTo(images);
        assertThat(interval.low()).isLessThanOrEqualTo(value).isGreaterThanOrEqualTo(0);
        assertThat(interval.high()).isGreaterThanOrEqualTo(value).isLessThanOrEqualTo(1);
        assertThat(interval.high()).isGreaterThan(interval.low());
    }

    @Test
    void givenAHigherLevel_whenEvaluated_thenEveryIntervalIsAtLeastAsWide() {
        Intervals narrow = sample(0.90).intervals();
        Intervals wide = sample(0.99).intervals();

        assertThat(width(wide.recall())).isGreaterThan(width(narrow.recall()));
        assertThat(width(wide.rocAuc())).isGreaterThan(width(narrow.rocAuc()));
        assertThat(width(wide.f1Score())).isGreaterThanOrEqualTo(width(narrow.f1Score()));
    }

    private static double width(Interval i) {
        return i.high() - i.low();
    }

    @Test
    void givenTheSameTestSet_whenEvaluatedTwice_thenTheBootstrapIntervalsAreTheSame() {
        assertThat(sample(0.95).intervals()).isEqualTo(sample(0.95).intervals());
    }

    @Test
    void givenTenAnomalousWithNineFound_whenRecallsIntervalIsAsked_thenItIsTheIssuesWideOne() {
        double[] a = new double[] {0.1, 0.6, 0.7, 0.7, 0.8, 0.8, 0.9, 0.9, 0.95, 0.99};
        double[] n = new double[] {0.1, 0.2};
        Intervals i = IntervalEstimator.of(new ConfusionCounts(9, 0, 2, 1), a, 10, n, 2, 0.95);

        // About [0.60, 0.98]: what ten anomalous images can say about a recall of 0.90.
        assertThat(i.recall().low()).isBetween(0.59, 0.61);
        assertThat(i.recall().high()).isBetween(0.97, 0.99);
    }

    @Test
    void givenOnlyNormalImages_whenIntervalsAreAsked_thenUndefinedMetricsHaveNone() {
        double[] n = new double[] {0.1, 0.2, 0.3};
        Intervals i = IntervalEstimator.of(new ConfusionCounts(0, 0, 3, 0), new double[0], 0, n, 3, 0.95);

        assertThat(i.recall()).isNull();
        assertThat(i.precision()).isNull();
        assertThat(i.rocAuc()).isNull();
        assertThat(i.f1Score()).isNull();
        assertThat(i.averagePrecision()).isNull();
        assertThat(i.specificity()).isNotNull();
    }

    @Test
    void givenBootstrapQuantiles_whenInterpolated_thenAsNumpysDefault() {
        double[] sorted = {1, 2, 3, 4};
        assertThat(StratifiedBootstrap.quantile(sorted, 0.5)).isEqualTo(2.5);
        assertThat(StratifiedBootstrap.quantile(sorted, 0.025)).isEqualTo(1.075);
        assertThat(StratifiedBootstrap.quantile(sorted, 1.0)).isEqualTo(4.0);
    }

    @Test
    void givenAResampleAsDrawCounts_whenAveragePrecisionIsComputed_thenItEqualsTheRankingsOnTheExpandedScores() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 200; round++) {
            int m = 1 + random.nextInt(30);
            int n = random.nextInt(30);
            double[] a = new double[m];
            double[] b = new double[n];
            for (int i = 0; i < m; i++) {
                a[i] = random.nextInt(10) / 10.0;
            }
            for (int j = 0; j < n; j++) {
                b[j] = random.nextInt(10) / 10.0;
            }
            Arrays.sort(a);
            Arrays.sort(b);
            int[] ca = new int[m];
            int[] cb = new int[n];
            List<Double> expandedA = new ArrayList<>();
            List<Double> expandedB = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                ca[random.nextInt(m)]++;
            }
            for (int j = 0; j < n; j++) {
                cb[random.nextInt(n)]++;
            }
            for (int i = 0; i < m; i++) {
                for (int k = 0; k < ca[i]; k++) {
                    expandedA.add(a[i]);
                }
            }
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < cb[j]; k++) {
                    expandedB.add(b[j]);
                }
            }
            double expected = ScoreRanking.of(expandedA.stream().mapToDouble(Double::doubleValue).toArray(), m,
                    expandedB.stream().mapToDouble(Double::doubleValue).toArray(), n).averagePrecision();

            assertThat(StratifiedBootstrap.averagePrecision(a, ca, m, b, cb, n)).isCloseTo(expected, within(1e-12));
        }
    }
}
