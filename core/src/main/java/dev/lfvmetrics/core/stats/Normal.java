package dev.lfvmetrics.core.stats;

/**
 * The standard normal distribution's tail, for two-sided p-values: {@code erfc(|z| / sqrt 2)} from the all-positive
 * series {@code erf(x) = 2/sqrt(pi) e^(-x^2) sum 2^k x^(2k+1) / (1 3 5 ... (2k+1))}, which has no cancellation, so
 * the p-value is exact to about 1e-15 absolute at any z.
 */
public final class Normal {

    private Normal() {
    }

    /**
     * @param z a standard normal statistic
     * @return the two-sided p-value {@code P(|Z| >= |z|)}
     */
    public static double twoSidedPValue(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        if (x > 27) {
            return 0.0;
        }
        double term = x;
        double sum = x;
        for (int k = 1; k < 10_000; k++) {
            term *= 2 * x * x / (2 * k + 1);
            sum += term;
            if (term < 1e-17 * sum) {
                break;
            }
        }
        double erf = 2 / Math.sqrt(Math.PI) * Math.exp(-x * x) * sum;
        return Math.max(0, 1 - erf);
    }
}
