package dev.lfvmetrics.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

class ScoreRankingPropertiesTest {

    /** Labelled scores on a coarse grid, so that ties (within and across classes) are common. */
    @Provide
    Arbitrary<Tuple2<boolean[], double[]>> images() {
        Arbitrary<Tuple2<Boolean, Double>> image = Combinators.combine(Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 20).map(i -> i / 20.0)).as(Tuple::of);
        return image.list().ofMinSize(2).ofMaxSize(60)
                .filter(l -> l.stream().anyMatch(Tuple2::get1) && l.stream().anyMatch(t -> !t.get1()))
                .map(ScoreRankingPropertiesTest::split);
    }

    private static Tuple2<boolean[], double[]> split(List<Tuple2<Boolean, Double>> list) {
        boolean[] y = new boolean[list.size()];
        double[] s = new double[list.size()];
        for (int i = 0; i < list.size(); i++) {
            y[i] = list.get(i).get1();
            s[i] = list.get(i).get2();
        }
        return Tuple.of(y, s);
    }

    /** The definition of AUC as a probability: P(score anomalous > score normal) + P(tie) / 2, by brute force. */
    private static double mannWhitney(boolean[] y, double[] s) {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < y.length; j++) {
                if (y[i] && !y[j]) {
                    pairs++;
                    wins += s[i] > s[j] ? 1.0 : s[i] == s[j] ? 0.5 : 0.0;
                }
            }
        }
        return wins / pairs;
    }

    @Property
    void aucEqualsPairwiseDefinition(@ForAll("images") Tuple2<boolean[], double[]> data) {
        assertThat(ScoreRanking.of(data.get1(), data.get2()).rocAuc())
                .isCloseTo(mannWhitney(data.get1(), data.get2()), within(1e-12));
    }

    @Property
    void aucUnchangedByStrictlyMonotoneTransform(@ForAll("images") Tuple2<boolean[], double[]> data) {
        double[] transformed = data.get2().clone();
        for (int i = 0; i < transformed.length; i++) {
            transformed[i] = Math.exp(3 * transformed[i]) - 7;
        }
        assertThat(ScoreRanking.of(data.get1(), transformed).rocAuc())
                .isCloseTo(ScoreRanking.of(data.get1(), data.get2()).rocAuc(), within(1e-12));
        assertThat(ScoreRanking.of(data.get1(), transformed).averagePrecision())
                .isCloseTo(ScoreRanking.of(data.get1(), data.get2()).averagePrecision(), within(1e-12));
    }

    @Property
    void aucOfNegatedScoresIsOneMinusAuc(@ForAll("images") Tuple2<boolean[], double[]> data) {
        double[] negated = data.get2().clone();
        for (int i = 0; i < negated.length; i++) {
            negated[i] = -negated[i];
        }
        assertThat(ScoreRanking.of(data.get1(), negated).rocAuc())
                .isCloseTo(1.0 - ScoreRanking.of(data.get1(), data.get2()).rocAuc(), within(1e-12));
    }

    @Property
    void averagePrecisionWithinUnitInterval(@ForAll("images") Tuple2<boolean[], double[]> data) {
        assertThat(ScoreRanking.of(data.get1(), data.get2()).averagePrecision()).isBetween(0.0, 1.0);
    }

    @Property
    void bestF1IsTheMaximumOverAllThresholds(@ForAll("images") Tuple2<boolean[], double[]> data) {
        ScoreRanking r = ScoreRanking.of(data.get1(), data.get2());
        double best = r.bestF1().f1Score();
        for (double t : data.get2()) {
            ConfusionCounts c = r.countsAtThreshold(t);
            assertThat(c.f1Score()).isLessThanOrEqualTo(best + 1e-12);
            assertThat(c.total()).isEqualTo(data.get1().length);
        }
        assertThat(r.countsAtThreshold(r.bestF1().threshold()).f1Score()).isCloseTo(best, within(1e-12));
    }
}
