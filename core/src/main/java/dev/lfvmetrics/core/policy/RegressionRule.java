package dev.lfvmetrics.core.policy;

/**
 * How a policy judges drops against the baseline ({@code regression} of the policy document).
 *
 * @param mode  {@link #SIGNIFICANT}: a drop beyond its limit is a breach only when the paired test says it is real at
 *              {@code level}, otherwise it is reported as inconclusive; {@link #ANY}: every drop beyond its limit
 * @param level confidence level of the tests, in (0, 1)
 */
public record RegressionRule(String mode, double level) {

    /** Drops must be beyond their limit and real by the paired test. */
    public static final String SIGNIFICANT = "significant";
    /** Every drop beyond its limit is a breach, however noisy. */
    public static final String ANY = "any";
    /** Level of the tests when the policy names none. */
    public static final double DEFAULT_LEVEL = 0.95;

    /**
     * @return significant mode at the default level
     */
    public static RegressionRule defaults() {
        return new RegressionRule(SIGNIFICANT, DEFAULT_LEVEL);
    }

    /**
     * @return whether drops must be significant
     */
    public boolean significant() {
        return SIGNIFICANT.equals(mode);
    }
}
