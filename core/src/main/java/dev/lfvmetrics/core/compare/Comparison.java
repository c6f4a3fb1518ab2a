package dev.lfvmetrics.core.compare;

import dev.lfvmetrics.core.summary.ModelInfo;
import java.util.List;

/**
 * Two summaries side by side: every numeric metric with both values and the difference, and the same per label.
 *
 * @param base          the base model (e.g. the previous version)
 * @param candidate     the candidate model
 * @param baseType      the base's model type
 * @param candidateType the candidate's model type
 * @param metrics       one entry per metric of the summary's {@code metrics}, in its order
 * @param bestThreshold best-F1 threshold figures (threshold, precision, recall, f1Score) side by side
 * @param labels        per-label entries, over the union of both summaries' labels, by name
 * @param testSets      both test sets' fingerprints and whether they are the same
 * @param tests         paired tests on the images both were evaluated on, or null when there are no per-image results
 * @param testsNote     why {@code tests} is null, or a warning when the test sets differ; null otherwise
 */
public record Comparison(
        ModelInfo base,
        ModelInfo candidate,
        String baseType,
        String candidateType,
        List<MetricDelta> metrics,
        List<MetricDelta> bestThreshold,
        List<LabelDelta> labels,
        TestSets testSets,
        PairedTests tests,
        String testsNote) {

    /**
     * Whether the two evaluations ran on the same test set, by the summaries' fingerprints.
     *
     * @param base      the base's fingerprint, null for a summary written before fingerprints
     * @param candidate the candidate's
     * @param identical whether they are equal; null when either is missing
     */
    public record TestSets(String base, String candidate, Boolean identical) {

        /**
         * @param base      the base's fingerprint or null
         * @param candidate the candidate's fingerprint or null
         * @return both, compared
         */
        public static TestSets of(String base, String candidate) {
            return new TestSets(base, candidate, base == null || candidate == null ? null : base.equals(candidate));
        }
    }

    /**
     * One metric in both summaries.
     *
     * @param metric     the metric's name
     * @param base       the base's value, {@code null} when undefined or absent
     * @param candidate  the candidate's value, {@code null} when undefined or absent
     * @param difference candidate minus base, {@code null} when either is {@code null}
     */
    public record MetricDelta(String metric, Double base, Double candidate, Double difference) {

        /**
         * Builds the entry, computing the difference.
         *
         * @param metric    the metric
         * @param base      the base's value
         * @param candidate the candidate's value
         * @return the entry
         */
        public static MetricDelta of(String metric, Double base, Double candidate) {
            return new MetricDelta(metric, base, candidate,
                    base == null || candidate == null ? null : candidate - base);
        }
    }

    /**
     * One label in both summaries.
     *
     * @param label        the label's name
     * @param inBase       whether the base has the label
     * @param inCandidate  whether the candidate has the label
     * @param metrics      the label's metrics side by side
     */
    public record LabelDelta(String label, boolean inBase, boolean inCandidate, List<MetricDelta> metrics) {
    }
}
