package dev.lfvmetrics.core.policy;

import dev.lfvmetrics.core.compare.PairedTests;
import dev.lfvmetrics.core.stats.McNemar;
import java.util.Set;

/**
 * Which paired test judges a drop of which metric, and what it says: McNemar for accuracy, recall and specificity
 * (and their counts), paired DeLong for the AUC, the paired bootstrap for F1, average precision and precision.
 */
final class DropTests {

    /** The metrics the paired bootstrap judges; it is skipped on large test sets. */
    static final Set<String> BOOTSTRAPPED = Set.of("f1Score", "averagePrecision", "precision");

    private DropTests() {
    }

    /**
     * A drop's test.
     *
     * @param real     whether the test says the candidate is worse at the tests' level
     * @param evidence the test's figures, with the smallest drop it could have detected
     */
    record Outcome(boolean real, Evidence evidence) {
    }

    /**
     * @param metric a summary metric
     * @param tests  paired tests at the policy's level
     * @return the outcome, or null when no paired test covers the metric (or it was not computed)
     */
    static Outcome of(String metric, PairedTests tests) {
        double alpha = 1 - tests.level();
        return switch (metric) {
            case "accuracy", "correct" -> mcNemar(tests.accuracy(), tests.level(), alpha, metric.equals("correct"));
            case "recall", "truePositives" -> mcNemar(tests.recall(), tests.level(), alpha,
                    metric.equals("truePositives"));
            case "specificity", "trueNegatives" -> mcNemar(tests.specificity(), tests.level(), alpha,
                    metric.equals("trueNegatives"));
            case "rocAuc" -> delong(tests.rocAuc(), tests.level(), alpha, tests.pairedImages());
            case "f1Score" -> bootstrap(tests.f1Score(), tests.level(), tests.pairedImages());
            case "averagePrecision" -> bootstrap(tests.averagePrecision(), tests.level(), tests.pairedImages());
            case "precision" -> bootstrap(tests.precision(), tests.level(), tests.pairedImages());
            default -> null;
        };
    }

    private static Outcome mcNemar(PairedTests.McNemarTest t, double level, double alpha, boolean count) {
        if (t == null) {
            return null;
        }
        long d = McNemar.smallestSignificantDifference(t.baseOnlyRight() + t.candidateOnlyRight(), t.images(), alpha);
        Double smallest = d < 0 ? null : count ? (double) d : (double) d / t.images();
        boolean real = t.pValue() < alpha && t.baseOnlyRight() > t.candidateOnlyRight();
        return new Outcome(real, new Evidence(Evidence.MCNEMAR, level, null, null, t.pValue(), t.baseOnlyRight(),
                t.candidateOnlyRight(), t.images(), smallest, null, null, null, null));
    }

    private static Outcome delong(PairedTests.AucTest t, double level, double alpha, long images) {
        if (t == null) {
            return null;
        }
        boolean real = t.pValue() < alpha && t.difference() < 0;
        // The interval is symmetric: a difference beyond its half-width is what the test calls significant.
        return new Outcome(real, new Evidence(Evidence.PAIRED_DELONG, level, t.low(), t.high(), t.pValue(), null,
                null, images, (t.high() - t.low()) / 2, null, null, null, null));
    }

    private static Outcome bootstrap(PairedTests.DifferenceInterval t, double level, long images) {
        if (t == null || t.high() == null) {
            return null;
        }
        // Shifted by the same spread, a drop is real once the interval's upper end falls below zero.
        return new Outcome(t.high() < 0, new Evidence(Evidence.PAIRED_BOOTSTRAP, level, t.low(), t.high(), null, null,
                null, images, Math.max(0, t.high() - t.difference()), null, null, null, null));
    }
}
