package dev.lfvmetrics.core.metrics;

import dev.lfvmetrics.core.summary.BestThreshold;
import dev.lfvmetrics.core.summary.Curves;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The threshold-dependent figures of a set of scored images: ROC AUC and average precision exactly as
 * scikit-learn's {@code roc_auc_score} and {@code average_precision_score}, the curves, and the best-F1 threshold.
 *
 * <p>Scores of anomalous and normal images are kept in two primitive arrays, each sorted with a primitive sort and
 * then merged from the highest score down; equal scores collapse into one threshold (so a tie between an anomalous
 * and a normal image counts one half towards the AUC, as in scikit-learn). Only the cumulative counts at each
 * distinct threshold are stored: no object per image.
 */
public final class ScoreRanking {

    private final long positives;
    private final long negatives;
    private final double[] thresholds;
    private final int[] tps;
    private final int[] fps;
    private final int size;

    private ScoreRanking(long positives, long negatives, double[] thresholds, int[] tps, int[] fps, int size) {
        this.positives = positives;
        this.negatives = negatives;
        this.thresholds = thresholds;
        this.tps = tps;
        this.fps = fps;
        this.size = size;
    }

    /**
     * Builds the ranking. The arrays are sorted in place.
     *
     * @param anomalousScores anomaly scores of images whose ground truth is anomalous
     * @param anomalousCount  how many entries of {@code anomalousScores} are used
     * @param normalScores    anomaly scores of images whose ground truth is normal
     * @param normalCount     how many entries of {@code normalScores} are used
     * @return the ranking
     */
    public static ScoreRanking of(double[] anomalousScores, int anomalousCount, double[] normalScores,
                                  int normalCount) {
        Arrays.sort(anomalousScores, 0, anomalousCount);
        Arrays.sort(normalScores, 0, normalCount);
        int cap = anomalousCount + normalCount;
        double[] th = new double[cap];
        int[] tp = new int[cap];
        int[] fp = new int[cap];
        int i = anomalousCount - 1;
        int j = normalCount - 1;
        int k = 0;
        int tpCount = 0;
        int fpCount = 0;
        while (i >= 0 || j >= 0) {
            double s = Math.max(i >= 0 ? anomalousScores[i] : Double.NEGATIVE_INFINITY,
                    j >= 0 ? normalScores[j] : Double.NEGATIVE_INFINITY);
            while (i >= 0 && anomalousScores[i] == s) {
                tpCount++;
                i--;
            }
            while (j >= 0 && normalScores[j] == s) {
                fpCount++;
                j--;
            }
            th[k] = s;
            tp[k] = tpCount;
            fp[k] = fpCount;
            k++;
        }
        return new ScoreRanking(anomalousCount, normalCount, th, tp, fp, k);
    }

    /**
     * Convenience for small data: labels and scores side by side.
     *
     * @param anomalous whether each image is anomalous
     * @param scores    each image's anomaly score
     * @return the ranking
     */
    public static ScoreRanking of(boolean[] anomalous, double[] scores) {
        if (anomalous.length != scores.length) {
            throw new IllegalArgumentException("labels and scores differ in length");
        }
        double[] pos = new double[scores.length];
        double[] neg = new double[scores.length];
        int p = 0;
        int n = 0;
        for (int i = 0; i < scores.length; i++) {
            if (anomalous[i]) {
                pos[p++] = scores[i];
            } else {
                neg[n++] = scores[i];
            }
        }
        return of(pos, p, neg, n);
    }

    /**
     * Number of distinct scores.
     *
     * @return distinct thresholds
     */
    public int distinctThresholds() {
        return size;
    }

    /**
     * ROC AUC by trapezoids over the distinct thresholds, computed in integer arithmetic and divided once.
     *
     * @return the AUC, or {@code null} when only one class is present
     */
    public Double rocAuc() {
        if (positives == 0 || negatives == 0) {
            return null;
        }
        long twiceArea = 0;
        long prevTp = 0;
        long prevFp = 0;
        for (int k = 0; k < size; k++) {
            twiceArea += (fps[k] - prevFp) * (tps[k] + prevTp);
            prevTp = tps[k];
            prevFp = fps[k];
        }
        return (double) twiceArea / (2.0 * positives * negatives);
    }

    /**
     * Average precision: the sum over distinct thresholds of (R_n - R_n-1) * P_n, not interpolated.
     *
     * @return AP in [0, 1], or {@code null} without anomalous images
     */
    public Double averagePrecision() {
        if (positives == 0) {
            return null;
        }
        double ap = 0;
        long prevTp = 0;
        for (int k = 0; k < size; k++) {
            if (tps[k] != prevTp) {
                ap += (double) (tps[k] - prevTp) * tps[k] / (tps[k] + fps[k]);
                prevTp = tps[k];
            }
        }
        return ap / positives;
    }

    /**
     * The threshold with the highest F1 (images with score at least the threshold are called anomalous); on equal
     * F1 the higher threshold wins.
     *
     * @return the best threshold, or {@code null} when there are no anomalous images (F1 is then 0 or undefined at
     *         every threshold, so no threshold is better than another)
     */
    public BestThreshold bestF1() {
        int k = bestF1Index();
        if (k < 0) {
            return null;
        }
        ConfusionCounts c = countsAt(k);
        return new BestThreshold(thresholds[k], c.precision(), c.recall(), c.f1Score(), tps[k], fps[k]);
    }

    private int bestF1Index() {
        if (positives == 0) {
            return -1;
        }
        int best = -1;
        double bestF1 = -1;
        for (int k = 0; k < size; k++) {
            double f1 = 2.0 * tps[k] / (tps[k] + fps[k] + positives);
            if (f1 > bestF1) {
                bestF1 = f1;
                best = k;
            }
        }
        return best;
    }

    private ConfusionCounts countsAt(int k) {
        return new ConfusionCounts(tps[k], fps[k], negatives - fps[k], positives - tps[k]);
    }

    /**
     * Confusion counts when images scoring at least {@code threshold} are called anomalous.
     *
     * @param threshold the threshold
     * @return the counts
     */
    public ConfusionCounts countsAtThreshold(double threshold) {
        long tp = 0;
        long fp = 0;
        for (int k = 0; k < size && thresholds[k] >= threshold; k++) {
            tp = tps[k];
            fp = fps[k];
        }
        return new ConfusionCounts(tp, fp, negatives - fp, positives - tp);
    }

    /**
     * The ROC and precision-recall curves reduced to at most {@code maxPoints} points each. The first and last
     * points and the best-F1 point are always kept; the others are spread evenly over the thresholds. The ROC curve
     * starts at (0, 0) with threshold max score + 1 (scikit-learn's convention before it used infinity, which JSON
     * cannot hold).
     *
     * @param maxPoints at most this many points per curve, at least 3
     * @return the curves; a curve is empty when undefined (ROC: one class only; PR: no anomalous images)
     */
    public Curves curves(int maxPoints) {
        List<Curves.RocPoint> roc = new ArrayList<>();
        List<Curves.PrPoint> pr = new ArrayList<>();
        int best = bestF1Index();
        if (positives > 0 && negatives > 0) {
            // Index -1 stands for the (0, 0) starting point.
            for (int k : pick(-1, size - 1, best, maxPoints)) {
                if (k < 0) {
                    roc.add(new Curves.RocPoint(thresholds[0] + 1.0, 0.0, 0.0));
                } else {
                    roc.add(new Curves.RocPoint(thresholds[k], (double) fps[k] / negatives,
                            (double) tps[k] / positives));
                }
            }
        }
        if (positives > 0) {
            for (int k : pick(0, size - 1, best, maxPoints)) {
                pr.add(new Curves.PrPoint(thresholds[k], (double) tps[k] / positives,
                        (double) tps[k] / (tps[k] + fps[k])));
            }
        }
        return new Curves(roc, pr);
    }

    private static int[] pick(int first, int last, int keep, int maxPoints) {
        int n = last - first + 1;
        if (n <= maxPoints) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = first + i;
            }
            return all;
        }
        // maxPoints - 1 evenly spaced points including first and last, plus the best-F1 point.
        int spread = Math.max(2, maxPoints - 1);
        int[] chosen = new int[spread + 1];
        for (int s = 0; s < spread; s++) {
            chosen[s] = first + (int) ((long) s * (n - 1) / (spread - 1));
        }
        int c = spread;
        if (keep >= first && keep <= last) {
            chosen[c++] = keep;
        }
        int[] sorted = Arrays.copyOf(chosen, c);
        Arrays.sort(sorted);
        int u = 0;
        for (int v : sorted) {
            if (u == 0 || sorted[u - 1] != v) {
                sorted[u++] = v;
            }
        }
        return Arrays.copyOf(sorted, u);
    }
}
