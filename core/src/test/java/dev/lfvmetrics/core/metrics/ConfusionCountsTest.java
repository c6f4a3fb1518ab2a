package dev.lfvmetrics.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConfusionCountsTest {

    @Test
    void givenCounts_whenRatiosAsked_thenDefinitionsHold() {
        ConfusionCounts c = new ConfusionCounts(8, 2, 85, 5);
        assertThat(c.total()).isEqualTo(100);
        assertThat(c.precision()).isCloseTo(0.8, within(1e-12));
        assertThat(c.recall()).isCloseTo(8.0 / 13, within(1e-12));
        assertThat(c.f1Score()).isCloseTo(16.0 / 23, within(1e-12));
        assertThat(c.accuracy()).isCloseTo(0.93, within(1e-12));
        assertThat(c.specificity()).isCloseTo(85.0 / 87, within(1e-12));
        assertThat(c.falsePositiveRate()).isCloseTo(2.0 / 87, within(1e-12));
        assertThat(c.f1Score()).isCloseTo(ConfusionCounts.f1(c.precision(), c.recall()), within(1e-12));
    }

    @Test
    void givenNothingPredictedAnomalous_whenRatiosAsked_thenPrecisionNullButF1Defined() {
        ConfusionCounts c = new ConfusionCounts(0, 0, 10, 3);
        assertThat(c.precision()).isNull();
        assertThat(c.recall()).isZero();
        assertThat(c.f1Score()).isZero();
    }

    @Test
    void givenOnlyNormalImagesAllCorrect_whenRatiosAsked_thenRecallAndF1Undefined() {
        ConfusionCounts c = new ConfusionCounts(0, 0, 10, 0);
        assertThat(c.recall()).isNull();
        assertThat(c.f1Score()).isNull();
        assertThat(c.accuracy()).isEqualTo(1.0);
        assertThat(new ConfusionCounts(0, 0, 0, 0).accuracy()).isNull();
    }
}
