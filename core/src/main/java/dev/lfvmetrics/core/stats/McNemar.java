package dev.lfvmetrics.core.stats;

/**
 * The exact two-sided McNemar test of two classifiers on the same images, as statsmodels'
 * {@code mcnemar(table, exact=True)}: of the images on which they disagree ({@code b} right only by the first,
 * {@code c} right only by the second), the p-value of a split at least as uneven under a fair coin,
 * {@code min(1, 2 P(X <= min(b, c)))} with {@code X ~ Binomial(b + c, 1/2)}.
 */
public final class McNemar {

    private McNemar() {
    }

    /**
     * @param b discordant images the first got right and the second wrong
     * @param c discordant images the second got right and the first wrong
     * @return the p-value, 1 when they never disagree
     */
    public static double exactPValue(long b, long c) {
        long n = b + c;
        long k = Math.min(b, c);
        if (n == 0) {
            return 1.0;
        }
        // log C(n, i) - n log 2, summed from the largest term (i = k) down, in log space: no overflow at any n.
        double logHalfN = n * Math.log(0.5);
        double logTerm = logHalfN + logChoose(n, k);
        double sum = 1.0;
        double ratio = 0;
        for (long i = k; i > 0; i--) {
            // C(n, i - 1) / C(n, i) = i / (n - i + 1)
            ratio += Math.log((double) i / (n - i + 1));
            double relative = Math.exp(ratio);
            sum += relative;
            if (relative < 1e-18 * sum) {
                break;
            }
        }
        return Math.min(1.0, 2 * Math.exp(logTerm) * sum);
    }

    /**
     * The smallest difference in correct images that this test would call significant, keeping at least the observed
     * number of disagreements: for a difference {@code d}, the split {@code ((n + d) / 2, (n - d) / 2)} of
     * {@code n = max(discordant, d)} disagreements (one more when the parity needs it).
     *
     * @param discordant images on which the two disagree
     * @param images     images the test rests on (a difference cannot exceed them)
     * @param alpha      significance level, e.g. 0.05
     * @return the smallest such {@code d}, or -1 when no difference on these images would be significant
     */
    public static long smallestSignificantDifference(long discordant, long images, double alpha) {
        for (long d = 1; d <= images; d++) {
            long n = Math.max(discordant, d);
            if ((n - d) % 2 != 0) {
                n++;
            }
            if (n > images) {
                // The disagreements cannot outnumber the images: the most uneven split left is d of d.
                n = d;
            }
            if (exactPValue((n + d) / 2, (n - d) / 2) < alpha) {
                return d;
            }
        }
        return -1;
    }

    private static double logChoose(long n, long k) {
        double log = 0;
        long small = Math.min(k, n - k);
        for (long i = 1; i <= small; i++) {
            log += Math.log((double) (n - small + i) / i);
        }
        return log;
    }
}
