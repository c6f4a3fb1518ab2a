package dev.lfvmetrics.core.stats;

/**
 * Wilson's score interval for a proportion, as statsmodels' {@code proportion_confint(method="wilson")}: honest at
 * the small counts of defect-detection test sets, where the normal approximation collapses to zero width at 0 or n.
 */
public final class Wilson {

    private Wilson() {
    }

    /**
     * @param successes the count, 0 to {@code n}
     * @param n         the denominator
     * @param z         the two-sided normal quantile of the level
     * @return {low, high}, or null when {@code n} is 0 (the proportion is undefined)
     */
    public static double[] interval(long successes, long n, double z) {
        if (n <= 0) {
            return null;
        }
        double p = (double) successes / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double center = (p + z2 / (2.0 * n)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new double[] {Math.max(0, center - half), Math.min(1, center + half)};
    }
}
