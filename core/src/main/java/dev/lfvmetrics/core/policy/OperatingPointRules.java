package dev.lfvmetrics.core.policy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Minimums on operating points of the anomaly-score curve ({@code operatingPoints} of the policy document), each
 * keyed by the constraint as written, e.g. {@code {"precisionAtRecall": {"0.95": 0.7}}}.
 *
 * @param precisionAtRecall         recall r to the lowest acceptable best precision among thresholds whose recall
 *                                  is at least r
 * @param recallAtFalsePositiveRate false-positive rate f to the lowest acceptable best recall among thresholds whose
 *                                  false-positive rate is at most f
 */
public record OperatingPointRules(Map<Double, Double> precisionAtRecall,
                                  Map<Double, Double> recallAtFalsePositiveRate) {

    /** Metric name of the best precision at a recall. */
    public static final String PRECISION_AT_RECALL = "precisionAtRecall";
    /** Metric name of the best recall at a false-positive rate. */
    public static final String RECALL_AT_FALSE_POSITIVE_RATE = "recallAtFalsePositiveRate";

    /** Immutable copies in document order. */
    public OperatingPointRules {
        precisionAtRecall = copy(precisionAtRecall);
        recallAtFalsePositiveRate = copy(recallAtFalsePositiveRate);
    }

    private static Map<Double, Double> copy(Map<Double, Double> m) {
        return m == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /**
     * @return no rules
     */
    public static OperatingPointRules none() {
        return new OperatingPointRules(Map.of(), Map.of());
    }

    /**
     * @return whether there is no rule
     */
    @JsonIgnore
    public boolean isEmpty() {
        return precisionAtRecall.isEmpty() && recallAtFalsePositiveRate.isEmpty();
    }
}
