package dev.lfvmetrics.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lfvmetrics.core.summary.BestThreshold;
import dev.lfvmetrics.core.summary.Curves;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScoreRankingTest {

    /** Six images worked by hand: y = 1,1,0,0,1,0 with scores 0.9, 0.6, 0.6, 0.3, 0.2, 0.1 (one cross-class tie). */
    private static ScoreRanking sixImages() {
        return ScoreRanking.of(new boolean[] {true, true, false, false, true, false},
                new double[] {0.9, 0.6, 0.6, 0.3, 0.2, 0.1});
    }

    @Test
    void givenHandWorkedCase_whenAucComputed_thenEqualsMannWhitneyWithHalfForTie() {
        // Pairs won by the anomalous image: 3 + (2 + 0.5) + 1 = 6.5 of 9.
        assertThat(sixImages().rocAuc()).isCloseTo(13.0 / 18.0, within(1e-12));
    }

    @Test
    void givenHandWorkedCase_whenApComputed_thenIsStepwiseSum() {
        // 1/3 * 1 + 1/3 * 2/3 + 0 + 1/3 * 3/5
        assertThat(sixImages().averagePrecision()).isCloseTo(34.0 / 45.0, within(1e-12));
    }

    @Test
    void givenHandWorkedCase_whenBestF1_thenThresholdWithItsCounts() {
        BestThreshold best = sixImages().bestF1();
        assertThat(best.threshold()).isEqualTo(0.2);
        assertThat(best.f1Score()).isCloseTo(0.75, within(1e-12));
        assertThat(best.precision()).isCloseTo(0.6, within(1e-12));
        assertThat(best.recall()).isEqualTo(1.0);
        assertThat(best.truePositives()).isEqualTo(3);
        assertThat(best.falsePositives()).isEqualTo(2);
    }

    @Test
    void givenEqualF1AtTwoThresholds_whenBestF1_thenHigherThresholdWins() {
        // At 0.8: TP1 FP0 -> F1 2/3; at 0.4: TP2 FP2 -> F1 4/6 = 2/3 as well.
        ScoreRanking r = ScoreRanking.of(new boolean[] {true, false, false, true},
                new double[] {0.8, 0.6, 0.5, 0.4});
        assertThat(r.bestF1().threshold()).isEqualTo(0.8);
    }

    @Test
    void givenNoAnomalousImages_whenBestF1_thenNullNotTheMinimumScore() {
        ScoreRanking r = ScoreRanking.of(new boolean[] {false, false, false}, new double[] {0.1, 0.5, 0.9});
        assertThat(r.bestF1()).isNull();
        assertThat(r.curves(200).roc()).isEmpty();
        assertThat(r.curves(200).precisionRecall()).isEmpty();
    }

    @Test
    void givenHandWorkedCase_whenCurves_thenRocStartsAtOriginAndEndsAtOne() {
        Curves c = sixImages().curves(200);
        assertThat(c.roc()).hasSize(6);
        assertThat(c.roc().get(0).fpr()).isZero();
        assertThat(c.roc().get(0).tpr()).isZero();
        assertThat(c.roc().get(0).threshold()).isGreaterThan(0.9);
        assertThat(c.roc().get(2).fpr()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(c.roc().get(2).tpr()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(c.roc().get(5).fpr()).isEqualTo(1.0);
        assertThat(c.roc().get(5).tpr()).isEqualTo(1.0);
        assertThat(c.precisionRecall()).hasSize(5);
        assertThat(c.precisionRecall().get(0).precision()).isEqualTo(1.0);
        assertThat(c.precisionRecall().get(3).recall()).isEqualTo(1.0);
        assertThat(c.precisionRecall().get(3).precision()).isCloseTo(0.6, within(1e-12));
    }

    @Test
    void givenManyDistinctScores_whenCurvesReduced_thenAtMostMaxPointsKeepingEndsAndBest() {
        Random random = new Random(42);
        int n = 5000;
        boolean[] y = new boolean[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = random.nextBoolean();
            s[i] = (y[i] ? 0.3 : 0.0) + random.nextDouble() * 0.7;
        }
        ScoreRanking r = ScoreRanking.of(y, s);
        assertThat(r.distinctThresholds()).isEqualTo(n);
        Curves c = r.curves(Curves.MAX_POINTS);
        assertThat(c.roc()).hasSizeLessThanOrEqualTo(Curves.MAX_POINTS).hasSizeGreaterThan(Curves.MAX_POINTS - 5);
        assertThat(c.precisionRecall()).hasSizeLessThanOrEqualTo(Curves.MAX_POINTS);
        assertThat(c.roc().get(0).tpr()).isZero();
        assertThat(c.roc().get(c.roc().size() - 1).fpr()).isEqualTo(1.0);
        double best = r.bestF1().threshold();
        assertThat(c.precisionRecall()).anyMatch(p -> p.threshold() == best);
        assertThat(c.roc()).anyMatch(p -> p.threshold() == best);
        assertThat(c.precisionRecall().get(c.precisionRecall().size() - 1).recall()).isEqualTo(1.0);
        for (int i = 1; i < c.roc().size(); i++) {
            assertThat(c.roc().get(i).threshold()).isLessThan(c.roc().get(i - 1).threshold());
        }
    }
}
