package dev.lfvmetrics.core.policy;

import java.util.List;

/**
 * A summary checked against a policy.
 *
 * @param breaches     the rules it does not meet, in policy order; empty when it passes
 * @param inconclusive drops beyond their limit that the paired test cannot tell from noise ({@link
 *                     Breach#INCONCLUSIVE}): reported, never a reason to fail or alert on their own
 */
public record PolicyJudgement(List<Breach> breaches, List<Breach> inconclusive) {

    /** Immutable copies. */
    public PolicyJudgement {
        breaches = List.copyOf(breaches);
        inconclusive = List.copyOf(inconclusive);
    }

    /**
     * @return whether the summary meets the policy
     */
    public boolean passed() {
        return breaches.isEmpty();
    }
}
