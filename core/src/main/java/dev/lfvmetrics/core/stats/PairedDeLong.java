package dev.lfvmetrics.core.stats;

import java.util.Arrays;

/**
 * DeLong's test of two correlated ROC AUCs (two models scored on the same images), as R pROC's
 * {@code roc.test(candidate, base, paired = TRUE, method = "delong")}: the placements of each image under each model,
 * their 2 x 2 covariances per class, the variance of the difference, a normal z, its two-sided p-value and interval.
 */
public final class PairedDeLong {

    private PairedDeLong() {
    }

    /**
     * The test's result.
     *
     * @param difference candidate AUC minus base AUC
     * @param low        lower bound of the difference's interval
     * @param high       upper bound
     * @param pValue     two-sided p-value of "no difference"
     */
    public record Result(double difference, double low, double high, double pValue) {
    }

    /**
     * @param baseAnomalous      base model's scores of the anomalous images
     * @param candidateAnomalous candidate's scores of the same anomalous images, same order
     * @param baseNormal         base model's scores of the normal images
     * @param candidateNormal    candidate's scores of the same normal images, same order
     * @param z                  two-sided normal quantile of the level
     * @return the result; a difference of 0 with p = 1 when both rank every image alike; null with fewer than two
     *         images of a class, or when a non-zero difference has no variance
     */
    public static Result test(double[] baseAnomalous, double[] candidateAnomalous, double[] baseNormal,
                              double[] candidateNormal, double z) {
        int m = baseAnomalous.length;
        int n = baseNormal.length;
        if (m < 2 || n < 2) {
            return null;
        }
        double[] v10Base = placements(baseAnomalous, baseNormal, true);
        double[] v10Candidate = placements(candidateAnomalous, candidateNormal, true);
        double[] v01Base = placements(baseNormal, baseAnomalous, false);
        double[] v01Candidate = placements(candidateNormal, candidateAnomalous, false);
        double aucBase = DeLong.mean(v10Base);
        double aucCandidate = DeLong.mean(v10Candidate);
        double variance = (DeLong.variance(v10Base, aucBase) + DeLong.variance(v10Candidate, aucCandidate)
                - 2 * covariance(v10Base, aucBase, v10Candidate, aucCandidate)) / m
                + (DeLong.variance(v01Base, aucBase) + DeLong.variance(v01Candidate, aucCandidate)
                - 2 * covariance(v01Base, aucBase, v01Candidate, aucCandidate)) / n;
        double difference = aucCandidate - aucBase;
        if (!(variance > 0)) {
            // Placements that agree image by image (the same scores, or the same ranking): nothing differs.
            return difference == 0 ? new Result(0, 0, 0, 1) : null;
        }
        double sd = Math.sqrt(variance);
        return new Result(difference, difference - z * sd, difference + z * sd,
                Normal.twoSidedPValue(difference / sd));
    }

    /**
     * Each score's placement among the other class: for anomalous images the share of normal scores below (ties one
     * half), for normal images the share of anomalous scores above (ties one half). Any order in, same order out.
     */
    private static double[] placements(double[] scores, double[] others, boolean below) {
        double[] sorted = others.clone();
        Arrays.sort(sorted);
        double[] out = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            int lower = firstAtLeast(sorted, scores[i]);
            int upper = firstAbove(sorted, scores[i]);
            double share = (lower + 0.5 * (upper - lower)) / sorted.length;
            out[i] = below ? share : 1 - share;
        }
        return out;
    }

    private static int firstAtLeast(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int firstAbove(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double covariance(double[] x, double meanX, double[] y, double meanY) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += (x[i] - meanX) * (y[i] - meanY);
        }
        return sum / (x.length - 1);
    }
}
