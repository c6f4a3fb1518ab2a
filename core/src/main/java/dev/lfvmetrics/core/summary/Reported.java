package dev.lfvmetrics.core.summary;

import java.util.List;

/**
 * Figures as the service reported them. {@code null} members mean the artifact was not given or lacked the field.
 *
 * @param describeModel    DescribeModel's {@code Performance}
 * @param evaluationResult the evaluation result's aggregated metrics
 */
public record Reported(DescribeModelFigures describeModel, EvaluationResultFigures evaluationResult) {

    /**
     * DescribeModel's {@code Performance} block.
     *
     * @param precision precision
     * @param recall    recall
     * @param f1Score   F1 score
     */
    public record DescribeModelFigures(Double precision, Double recall, Double f1Score) {
    }

    /**
     * The evaluation result's {@code AggregatedEvaluationResults.Metrics} and {@code EvaluationDetails} counts.
     *
     * @param precision        precision
     * @param recall           recall
     * @param f1Score          F1 score
     * @param rocAuc           ROCAUC
     * @param averagePrecision AveragePrecision
     * @param trainingImages   NumberOfTrainingImages
     * @param testingImages    NumberOfTestingImages
     * @param labels           PixelAnomalyClassMetrics, empty for classification models
     */
    public record EvaluationResultFigures(
            Double precision,
            Double recall,
            Double f1Score,
            Double rocAuc,
            Double averagePrecision,
            Integer trainingImages,
            Integer testingImages,
            List<ReportedLabel> labels) {
    }

    /**
     * One entry of {@code PixelAnomalyClassMetrics}.
     *
     * @param name       ClassName
     * @param precision  Precision
     * @param recall     Recall
     * @param f1Score    F1Score
     * @param averageIou AIOU
     */
    public record ReportedLabel(String name, Double precision, Double recall, Double f1Score, Double averageIou) {
    }
}
