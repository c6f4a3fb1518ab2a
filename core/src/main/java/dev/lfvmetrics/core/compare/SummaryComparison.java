package dev.lfvmetrics.core.compare;

import dev.lfvmetrics.core.policy.MetricNames;
import dev.lfvmetrics.core.summary.BestThreshold;
import dev.lfvmetrics.core.summary.ImageResult;
import dev.lfvmetrics.core.summary.LabelMetrics;
import dev.lfvmetrics.core.summary.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts two summaries side by side (used by {@code lfv-metrics compare} and the API's compare route).
 */
public final class SummaryComparison {

    private SummaryComparison() {
    }

    /**
     * Compares two summaries.
     *
     * @param base      the base, e.g. the previous model version
     * @param candidate the candidate
     * @return both side by side with candidate-minus-base differences
     */
    public static Comparison compare(Summary base, Summary candidate) {
        return withoutTests(base, candidate, NO_IMAGES);
    }

    /**
     * Two summaries side by side without paired tests.
     *
     * @param base      the base
     * @param candidate the candidate
     * @param reason    why there are no tests, for {@code testsNote}
     * @return the comparison; a fingerprint mismatch puts {@link #DIFFERENT_FINGERPRINTS} before the reason
     */
    public static Comparison withoutTests(Summary base, Summary candidate, String reason) {
        List<Comparison.MetricDelta> metrics = new ArrayList<>();
        for (String name : MetricNames.summaryMetrics()) {
            metrics.add(Comparison.MetricDelta.of(name, MetricNames.value(base.metrics(), name),
                    MetricNames.value(candidate.metrics(), name)));
        }
        BestThreshold b = base.bestThreshold();
        BestThreshold c = candidate.bestThreshold();
        List<Comparison.MetricDelta> best = List.of(
                Comparison.MetricDelta.of("threshold", b == null ? null : b.threshold(),
                        c == null ? null : c.threshold()),
                Comparison.MetricDelta.of("precision", b == null ? null : b.precision(),
                        c == null ? null : c.precision()),
                Comparison.MetricDelta.of("recall", b == null ? null : b.recall(), c == null ? null : c.recall()),
                Comparison.MetricDelta.of("f1Score", b == null ? null : b.f1Score(),
                        c == null ? null : c.f1Score()));
        Map<String, LabelMetrics> baseLabels = byName(base);
        Map<String, LabelMetrics> candidateLabels = byName(candidate);
        TreeMap<String, Boolean> names = new TreeMap<>();
        baseLabels.keySet().forEach(n -> names.put(n, true));
        candidateLabels.keySet().forEach(n -> names.put(n, true));
        List<Comparison.LabelDelta> labels = new ArrayList<>();
        for (String name : names.keySet()) {
            LabelMetrics bl = baseLabels.get(name);
            LabelMetrics cl = candidateLabels.get(name);
            List<Comparison.MetricDelta> deltas = new ArrayList<>();
            for (String metric : MetricNames.labelMetrics()) {
                deltas.add(Comparison.MetricDelta.of(metric, MetricNames.value(bl, metric),
                        MetricNames.value(cl, metric)));
            }
            labels.add(new Comparison.LabelDelta(name, bl != null, cl != null, deltas));
        }
        Comparison.TestSets sets = Comparison.TestSets.of(base.testSetFingerprint(), candidate.testSetFingerprint());
        return new Comparison(base.model(), candidate.model(), base.modelType(), candidate.modelType(), metrics, best,
                labels, sets, null, Boolean.FALSE.equals(sets.identical()) ? DIFFERENT_FINGERPRINTS + "; "
                        + reason : reason);
    }

    /** What a comparison of two summaries of different test sets starts its note with. */
    public static final String DIFFERENT_FINGERPRINTS = "DIFFERENT TEST SETS: the summaries' test-set fingerprints "
            + "differ (other images, or the same images with other true classes); the metrics are not comparable as "
            + "they stand";

    /** Why a comparison of summaries alone has no paired tests. */
    public static final String NO_IMAGES = "no paired tests: summaries alone hold no per-image results; compare the "
            + "evaluation manifests (or ground truth + predictions), or use the API's compare route";

    /**
     * Two summaries side by side with paired tests of their per-image results.
     *
     * @param base            the base model's summary
     * @param candidate       the candidate's summary
     * @param baseImages      the base model's per-image results
     * @param candidateImages the candidate's per-image results
     * @param level           confidence level of the tests' intervals
     * @return the comparison, {@code tests} set; {@code testsNote} warns loudly when the test sets differ
     */
    public static Comparison compare(Summary base, Summary candidate, List<ImageResult> baseImages,
                                     List<ImageResult> candidateImages, double level) {
        Comparison plain = compare(base, candidate);
        PairedTests tests = PairedComparison.of(baseImages, candidateImages, level);
        String note = tests.identicalTestSets() ? null : "DIFFERENT TEST SETS: " + tests.onlyInBase()
                + " images only in the base, " + tests.onlyInCandidate() + " only in the candidate, "
                + tests.classChanged() + " with a changed true class; the metrics above are not comparable as they "
                + "stand, and the paired tests rest on the " + tests.pairedImages() + " shared images only";
        return new Comparison(plain.base(), plain.candidate(), plain.baseType(), plain.candidateType(),
                plain.metrics(), plain.bestThreshold(), plain.labels(), plain.testSets(), tests, note);
    }

    private static Map<String, LabelMetrics> byName(Summary s) {
        Map<String, LabelMetrics> out = new TreeMap<>();
        if (s.labels() != null) {
            s.labels().forEach(l -> out.put(l.name(), l));
        }
        return out;
    }
}
