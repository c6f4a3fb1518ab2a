package dev.lfvmetrics.core.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lfvmetrics.core.summary.ImageResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PairedComparisonTest {

    private static ImageResult image(String ref, boolean anomalous, double score) {
        String actual = anomalous ? "anomaly" : "normal";
        String predicted = score >= 0.5 ? "anomaly" : "normal";
        double confidence = score >= 0.5 ? score : 1 - score;
        return new ImageResult(0, ref, actual, predicted, confidence, score, actual.equals(predicted), List.of(),
                List.of());
    }

    /** 30 anomalous and 40 normal images with scores from a fixed seed; {@code shift} raises anomalous scores. */
    private static List<ImageResult> version(long seed, double shift) {
        Random random = new Random(seed);
        List<ImageResult> out = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            out.add(image("s3://b/a" + i + ".jpg", true, Math.min(0.99, 0.35 + 0.4 * random.nextDouble() + shift)));
        }
        for (int i = 0; i < 40; i++) {
            out.add(image("s3://b/n" + i + ".jpg", false, 0.05 + 0.5 * random.nextDouble()));
        }
        return out;
    }

    @Test
    void givenTheSameEvaluationTwice_whenTested_thenNoDifferenceAndEveryTestSaysSo() {
        List<ImageResult> v = version(1, 0);
        PairedTests t = PairedComparison.of(v, v, 0.95);
        assertThat(t.identicalTestSets()).isTrue();
        assertThat(t.pairedImages()).isEqualTo(70);
        assertThat(t.accuracy().pValue()).isEqualTo(1.0);
        assertThat(t.accuracy().baseOnlyRight()).isZero();
        assertThat(t.rocAuc().difference()).isZero();
        assertThat(t.f1Score().low()).isZero();
        assertThat(t.f1Score().high()).isZero();
        assertThat(t.averagePrecision().difference()).isZero();
    }

    @Test
    void givenACandidateThatFixesTenMissedAnomalies_whenTested_thenMcNemarCountsThemAndRejects() {
        List<ImageResult> base = version(1, 0);
        List<ImageResult> candidate = new ArrayList<>(base);
        int fixed = 0;
        for (int i = 0; i < 30 && fixed < 10; i++) {
            ImageResult b = base.get(i);
            if (!b.correct()) {
                candidate.set(i, image(b.sourceRef(), true, 0.9));
                fixed++;
            }
        }
        assertThat(fixed).isEqualTo(10);
        PairedTests t = PairedComparison.of(base, candidate, 0.95);
        assertThat(t.recall().candidateOnlyRight()).isEqualTo(10);
        assertThat(t.recall().baseOnlyRight()).isZero();
        // Exact binomial: both-sided 2 * 0.5^10.
        assertThat(t.recall().pValue()).isCloseTo(2 * Math.pow(0.5, 10), within(1e-12));
        assertThat(t.discordantImages()).hasSize(10).allSatisfy(d -> {
            assertThat(d.rightIn()).isEqualTo("candidate");
            assertThat(d.actual()).isEqualTo("anomaly");
            assertThat(d.candidateScore()).isEqualTo(0.9);
            assertThat(d.baseScore()).isLessThan(0.5);
        });
        assertThat(t.specificity().pValue()).isEqualTo(1.0);
        assertThat(t.f1Score().difference()).isPositive();
        assertThat(t.f1Score().low()).isPositive();
        assertThat(t.rocAuc().difference()).isPositive();
    }

    @Test
    void givenTheCandidateInAnotherOrder_whenTested_thenImagesArePairedBySourceRefNotPosition() {
        List<ImageResult> base = version(1, 0);
        List<ImageResult> candidate = version(2, 0.1);
        List<ImageResult> shuffled = new ArrayList<>(candidate);
        Collections.shuffle(shuffled, new Random(7));
        PairedTests inOrder = PairedComparison.of(base, candidate, 0.95);
        PairedTests outOfOrder = PairedComparison.of(base, shuffled, 0.95);
        // Same pairs summed in another order: equal up to rounding.
        assertThat(outOfOrder.rocAuc().difference()).isCloseTo(inOrder.rocAuc().difference(), within(1e-12));
        assertThat(outOfOrder.rocAuc().pValue()).isCloseTo(inOrder.rocAuc().pValue(), within(1e-12));
        assertThat(outOfOrder.accuracy()).isEqualTo(inOrder.accuracy());
        assertThat(outOfOrder.averagePrecision().difference()).isEqualTo(inOrder.averagePrecision().difference());
    }

    @Test
    void givenDifferentTestSets_whenTested_thenOnlySharedImagesWithTheSameClassAreTestedAndTheRestCounted() {
        List<ImageResult> base = version(1, 0);
        List<ImageResult> candidate = new ArrayList<>(version(2, 0));
        candidate.remove(0);
        candidate.add(image("s3://b/new.jpg", true, 0.8));
        ImageResult relabelled = candidate.get(40);
        candidate.set(40, image(relabelled.sourceRef(), true, relabelled.anomalyScore()));
        PairedTests t = PairedComparison.of(base, candidate, 0.95);
        assertThat(t.identicalTestSets()).isFalse();
        assertThat(t.onlyInBase()).isEqualTo(1);
        assertThat(t.onlyInCandidate()).isEqualTo(1);
        assertThat(t.classChanged()).isEqualTo(1);
        assertThat(t.classChangedImages()).containsExactly(relabelled.sourceRef());
        assertThat(t.pairedImages()).isEqualTo(68);
        assertThat(t.accuracy().images()).isEqualTo(68);
        assertThat(t.recall().images()).isEqualTo(29);
    }
}
