package dev.lfvmetrics.core.summary;

/**
 * Image-level figures computed from the evaluation manifest. Positive class = anomalous. A ratio whose denominator
 * is zero is {@code null}, never NaN.
 *
 * @param images           test images
 * @param anomalous        images whose ground truth is anomalous
 * @param normal           images whose ground truth is normal
 * @param truePositives    anomalous predicted anomalous
 * @param falsePositives   normal predicted anomalous
 * @param trueNegatives    normal predicted normal
 * @param falseNegatives   anomalous predicted normal
 * @param precision        TP / (TP + FP)
 * @param recall           TP / (TP + FN)
 * @param f1Score          2TP / (2TP + FP + FN)
 * @param accuracy         (TP + TN) / images
 * @param rocAuc           ROC AUC as scikit-learn's {@code roc_auc_score}; null with a single class
 * @param averagePrecision as scikit-learn's {@code average_precision_score}; null without anomalous images
 * @param specificity      TN / (TN + FP)
 * @param falsePositiveRate FP / (FP + TN)
 * @param correct          TP + TN
 * @param incorrect        FP + FN
 */
public record Metrics(
        long images,
        long anomalous,
        long normal,
        long truePositives,
        long falsePositives,
        long trueNegatives,
        long falseNegatives,
        Double precision,
        Double recall,
        Double f1Score,
        Double accuracy,
        Double rocAuc,
        Double averagePrecision,
        Double specificity,
        Double falsePositiveRate,
        long correct,
        long incorrect) {
}
