package dev.lfvmetrics.functions.alert;

import dev.lfvmetrics.core.policy.Breach;
import dev.lfvmetrics.core.policy.ThresholdPolicy;
import java.util.List;

/**
 * How a stored model fares against its project's policy.
 *
 * @param badge        {@code failed}, {@code pending}, {@code breach} or {@code pass}
 * @param breaches     the policy's breaches, empty for a pass or a failed training
 * @param inconclusive drops beyond their limit that the paired tests cannot tell from noise (never a breach)
 * @param policy       the policy applied, null when neither the project nor the default has one
 * @param policySource {@code project} or {@code default}
 */
public record Verdict(String badge, List<Breach> breaches, List<Breach> inconclusive, ThresholdPolicy policy,
                      String policySource) {

    /** Badge of a failed training. */
    public static final String FAILED = "failed";
    /** Badge of a trained model whose evaluation has not arrived (SageMaker: no batch transform yet). */
    public static final String PENDING = "pending";
    /** Badge of a model that breaches its policy. */
    public static final String BREACH = "breach";
    /** Badge of a model that meets its policy, or has none. */
    public static final String PASS = "pass";

    /**
     * A verdict with nothing inconclusive.
     *
     * @param badge        see the record
     * @param breaches     see the record
     * @param policy       see the record
     * @param policySource see the record
     */
    public Verdict(String badge, List<Breach> breaches, ThresholdPolicy policy, String policySource) {
        this(badge, breaches, List.of(), policy, policySource);
    }

    /** Immutable copies. */
    public Verdict {
        breaches = List.copyOf(breaches);
        inconclusive = List.copyOf(inconclusive);
    }
}
