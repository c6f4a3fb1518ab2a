package dev.lfvmetrics.core.policy;

/**
 * One rule of a threshold policy that a summary does not meet.
 *
 * @param kind     {@link #MINIMUM}, {@link #MAXIMUM}, {@link #REGRESSION}, {@link #LABEL_MINIMUM},
 *                 {@link #UNDEFINED} or {@link #INSUFFICIENT_DATA}
 * @param metric   the metric's name
 * @param label    the segmentation label for label rules, else {@code null}
 * @param actual   the summary's value, {@code null} when undefined
 * @param limit    the policy's minimum, maximum or maximum drop
 * @param baseline the baseline's value for regressions, else {@code null}
 * @param message  one line for humans
 */
public record Breach(String kind, String metric, String label, Double actual, Double limit, Double baseline,
                     String message) {

    /** A metric below its minimum. */
    public static final String MINIMUM = "MINIMUM";
    /** A lower-is-better metric above its maximum. */
    public static final String MAXIMUM = "MAXIMUM";
    /** Fewer test images (or anomalous ones) than the policy's {@code minimumImages} / {@code minimumAnomalous}. */
    public static final String INSUFFICIENT_DATA = "INSUFFICIENT_DATA";
    /** A metric that dropped more than allowed against the baseline. */
    public static final String REGRESSION = "REGRESSION";
    /** A label's metric below its minimum. */
    public static final String LABEL_MINIMUM = "LABEL_MINIMUM";
    /** A metric under a rule that is undefined (null) or missing in the summary. */
    public static final String UNDEFINED = "UNDEFINED";

    /**
     * A stable key of this breach (kind, label, metric), for de-duplicating alerts.
     *
     * @return e.g. {@code MINIMUM#f1Score} or {@code LABEL_MINIMUM#scratch#f1Score}
     */
    public String key() {
        return label == null ? kind + "#" + metric : kind + "#" + label + "#" + metric;
    }
}
