package dev.lfvmetrics.core.format;

import java.util.List;

/**
 * The evaluation result document ({@code EvaluationResult-<project>[-<version>].json}) that Lookout for Vision writes
 * after training. Flattened: {@code EvaluationDetails} and {@code AggregatedEvaluationResults.Metrics} members sit
 * side by side. Every figure may be {@code null} (older files lack some of them).
 *
 * @param version                Version of the document layout
 * @param modelArn               EvaluationDetails.ModelArn
 * @param evaluationEndTimestamp EvaluationDetails.EvaluationEndTimestamp, ISO-8601 when it could be parsed, else as
 *                               given
 * @param trainingImages         EvaluationDetails.NumberOfTrainingImages
 * @param testingImages          EvaluationDetails.NumberOfTestingImages
 * @param rocAuc                 Metrics.ROCAUC
 * @param averagePrecision       Metrics.AveragePrecision
 * @param precision              Metrics.Precision
 * @param recall                 Metrics.Recall
 * @param f1Score                Metrics.F1Score
 * @param labels                 Metrics.PixelAnomalyClassMetrics; empty for classification models
 */
public record EvaluationResult(
        Integer version,
        String modelArn,
        String evaluationEndTimestamp,
        Integer trainingImages,
        Integer testingImages,
        Double rocAuc,
        Double averagePrecision,
        Double precision,
        Double recall,
        Double f1Score,
        List<PixelClassMetrics> labels) {

    /**
     * Normalises {@code labels} to an immutable, never-null list.
     */
    public EvaluationResult {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    /**
     * One entry of {@code PixelAnomalyClassMetrics}: the service's pixel-level figures for one anomaly label.
     *
     * @param className  ClassName
     * @param precision  Precision
     * @param recall     Recall
     * @param f1Score    F1Score
     * @param averageIou AIOU
     */
    public record PixelClassMetrics(String className, Double precision, Double recall, Double f1Score,
                                    Double averageIou) {
    }
}
