package dev.lfvmetrics.core.summary;

/**
 * One reported figure beside the computed one.
 *
 * @param metric     metric name as in {@link Metrics} ({@code precision}, {@code rocAuc}, ...)
 * @param source     {@code describeModel} or {@code evaluationResult}
 * @param reported   what the service reported
 * @param computed   what we computed, {@code null} when undefined
 * @param difference computed minus reported, {@code null} when either is missing
 */
public record Difference(String metric, String source, Double reported, Double computed, Double difference) {
}
