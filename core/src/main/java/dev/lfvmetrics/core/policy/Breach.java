package dev.lfvmetrics.core.policy;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One rule of a threshold policy that a summary does not meet.
 *
 * @param kind     {@link #MINIMUM}, {@link #MAXIMUM}, {@link #REGRESSION}, {@link #LABEL_MINIMUM},
 *                 {@link #OPERATING_POINT}, {@link #UNDEFINED}, {@link #INSUFFICIENT_DATA}, or {@link #INCONCLUSIVE}
 *                 (a drop beyond its limit that the paired test cannot tell from noise: reported, never a breach)
 * @param metric   the metric's name
 * @param label    the segmentation label for label rules, else {@code null}
 * @param actual   the summary's value, {@code null} when undefined
 * @param limit    the policy's minimum, maximum, maximum drop or maximum relative drop
 * @param baseline the baseline's value for regressions, else {@code null}
 * @param message  one line for humans
 * @param evidence the interval, test or threshold the breach rests on, null when there is none
 */
public record Breach(String kind, String metric, String label, Double actual, Double limit, Double baseline,
                     String message, @JsonInclude(JsonInclude.Include.NON_NULL) Evidence evidence) {

    /**
     * A breach with no evidence.
     *
     * @param kind     see the record
     * @param metric   see the record
     * @param label    see the record
     * @param actual   see the record
     * @param limit    see the record
     * @param baseline see the record
     * @param message  see the record
     */
    public Breach(String kind, String metric, String label, Double actual, Double limit, Double baseline,
                  String message) {
        this(kind, metric, label, actual, limit, baseline, message, null);
    }

    /** A metric below its minimum. */
    public static final String MINIMUM = "MINIMUM";
    /** A lower-is-better metric above its maximum. */
    public static final String MAXIMUM = "MAXIMUM";
    /** Fewer test images (or anomalous ones) than the policy's {@code minimumImages} / {@code minimumAnomalous}. */
    public static final String INSUFFICIENT_DATA = "INSUFFICIENT_DATA";
    /** A metric that dropped more than allowed against the baseline (in significant mode: a tested drop). */
    public static final String REGRESSION = "REGRESSION";
    /** A drop beyond its limit that the paired test cannot tell from noise; reported beside breaches, never one. */
    public static final String INCONCLUSIVE = "INCONCLUSIVE";
    /** An operating point (best precision at a recall, best recall at a false-positive rate) below its minimum. */
    public static final String OPERATING_POINT = "OPERATING_POINT";
    /** A label's metric below its minimum. */
    public static final String LABEL_MINIMUM = "LABEL_MINIMUM";
    /** A metric under a rule that is undefined (null) or missing in the summary. */
    public static final String UNDEFINED = "UNDEFINED";

    /**
     * A stable key of this breach (kind, label, metric), for de-duplicating alerts.
     *
     * @return e.g. {@code MINIMUM#f1Score}, {@code LABEL_MINIMUM#scratch#f1Score} or
     *         {@code OPERATING_POINT#precisionAtRecall@0.95}; a relative drop's ends in {@code #relative}
     */
    public String key() {
        String base = label == null ? kind + "#" + metric : kind + "#" + label + "#" + metric;
        if (evidence != null && evidence.at() != null) {
            return base + "@" + evidence.at();
        }
        return evidence != null && Boolean.TRUE.equals(evidence.relative()) ? base + "#relative" : base;
    }
}
