package dev.lfvmetrics.functions.alert;

import dev.lfvmetrics.core.policy.Breach;
import dev.lfvmetrics.core.policy.ThresholdPolicy;
import java.util.List;

/**
 * How a stored model fares against its project's policy.
 *
 * @param badge        {@code failed}, {@code pending}, {@code breach} or {@code pass}
 * @param breaches     the policy's breaches, empty for a pass or a failed training
 * @param policy       the policy applied, null when neither the project nor the default has one
 * @param policySource {@code project} or {@code default}
 */
public record Verdict(String badge, List<Breach> breaches, ThresholdPolicy policy, String policySource) {

    /** Badge of a failed training. */
    public static final String FAILED = "failed";
    /** Badge of a trained model whose evaluation has not arrived (SageMaker: no batch transform yet). */
    public static final String PENDING = "pending";
    /** Badge of a model that breaches its policy. */
    public static final String BREACH = "breach";
    /** Badge of a model that meets its policy, or has none. */
    public static final String PASS = "pass";

    public Verdict {
        breaches = List.copyOf(breaches);
    }
}
