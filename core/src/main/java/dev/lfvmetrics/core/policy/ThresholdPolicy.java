package dev.lfvmetrics.core.policy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A threshold policy: minimums and maximums per metric, absolute and relative maximum drops against a baseline
 * (judged by a paired test in significant mode), operating-point minimums, per-label minimums
 * ({@code *} applies to every label; a label's own entry wins over {@code *} for the same metric), and the fewest
 * test images an evaluation may rest on. Read and validated by {@link PolicyEvaluator#read}.
 *
 * @param minimums         metric name to its lowest acceptable value
 * @param maximumDrops     metric name to the largest acceptable {@code baseline - candidate}
 * @param labelMinimums    label name (or {@code *}) to metric name to its lowest acceptable value
 * @param maximums         metric name to its highest acceptable value (lower-is-better figures such as
 *                         {@code falsePositiveRate}, {@code falseNegatives}, {@code incorrect})
 * @param minimumImages    the fewest test images, or null for no such rule
 * @param minimumAnomalous the fewest anomalous test images, or null for no such rule
 * @param maximumRelativeDrops metric name to the largest acceptable {@code (baseline - candidate) / baseline}
 * @param regression       how drops are judged (significant by default)
 * @param operatingPoints  minimums on operating points of the score curve
 */
public record ThresholdPolicy(Map<String, Double> minimums, Map<String, Double> maximumDrops,
                              Map<String, Map<String, Double>> labelMinimums, Map<String, Double> maximums,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Long minimumImages,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Long minimumAnomalous,
                              Map<String, Double> maximumRelativeDrops, RegressionRule regression,
                              OperatingPointRules operatingPoints) {

    /**
     * A policy of minimums, drops and label minimums only.
     *
     * @param minimums      see the record
     * @param maximumDrops  see the record
     * @param labelMinimums see the record
     */
    public ThresholdPolicy(Map<String, Double> minimums, Map<String, Double> maximumDrops,
                           Map<String, Map<String, Double>> labelMinimums) {
        this(minimums, maximumDrops, labelMinimums, Map.of(), null, null, Map.of(), null, null);
    }

    /**
     * Normalises to immutable, never-null maps that keep the document's order.
     */
    public ThresholdPolicy {
        minimums = copy(minimums);
        maximumDrops = copy(maximumDrops);
        maximums = copy(maximums);
        maximumRelativeDrops = copy(maximumRelativeDrops);
        regression = regression == null ? RegressionRule.defaults() : regression;
        operatingPoints = operatingPoints == null ? OperatingPointRules.none() : operatingPoints;
        Map<String, Map<String, Double>> labels = new LinkedHashMap<>();
        if (labelMinimums != null) {
            labelMinimums.forEach((k, v) -> labels.put(k, copy(v)));
        }
        labelMinimums = Collections.unmodifiableMap(labels);
    }

    private static Map<String, Double> copy(Map<String, Double> m) {
        return m == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /**
     * A policy with no rules.
     *
     * @return the empty policy
     */
    public static ThresholdPolicy empty() {
        return new ThresholdPolicy(Map.of(), Map.of(), Map.of());
    }

    /**
     * Whether the policy has no rule at all.
     *
     * @return true when every map is empty
     */
    @JsonIgnore
    public boolean isEmpty() {
        return minimums.isEmpty() && maximumDrops.isEmpty() && labelMinimums.isEmpty() && maximums.isEmpty()
                && minimumImages == null && minimumAnomalous == null && maximumRelativeDrops.isEmpty()
                && operatingPoints.isEmpty();
    }

    /**
     * Whether the policy judges drops against a baseline.
     *
     * @return true when it has maximum drops or maximum relative drops
     */
    @JsonIgnore
    public boolean hasDrops() {
        return !maximumDrops.isEmpty() || !maximumRelativeDrops.isEmpty();
    }
}
