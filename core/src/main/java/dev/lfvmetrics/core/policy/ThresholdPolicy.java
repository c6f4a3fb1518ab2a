package dev.lfvmetrics.core.policy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A threshold policy: minimums per metric, maximum drops against a baseline, and per-label minimums ({@code *}
 * applies to every label; a label's own entry wins over {@code *} for the same metric). Read and validated by
 * {@link PolicyEvaluator#read}.
 *
 * @param minimums      metric name to its lowest acceptable value
 * @param maximumDrops  metric name to the largest acceptable {@code baseline - candidate}
 * @param labelMinimums label name (or {@code *}) to metric name to its lowest acceptable value
 */
public record ThresholdPolicy(Map<String, Double> minimums, Map<String, Double> maximumDrops,
                              Map<String, Map<String, Double>> labelMinimums) {

    /**
     * Normalises to immutable, never-null maps that keep the document's order.
     */
    public ThresholdPolicy {
        minimums = copy(minimums);
        maximumDrops = copy(maximumDrops);
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
        return minimums.isEmpty() && maximumDrops.isEmpty() && labelMinimums.isEmpty();
    }
}
