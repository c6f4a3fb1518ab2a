package dev.lfvmetrics.core.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lfvmetrics.core.summary.Interval;
import java.util.Locale;

/**
 * What a breach rests on, so that an alert can say how sure it is: the candidate's confidence interval for a
 * minimum or maximum, the paired test for a drop, the threshold for an operating point. Every field is optional.
 *
 * @param method                 {@code wilson}, {@code delong} or {@code bootstrap} for a metric's interval;
 *                               {@code mcnemar}, {@code paired-delong} or {@code paired-bootstrap} for a drop's
 *                               test; {@link #UNTESTED} for a drop judged on its observed size alone
 * @param level                  confidence level of the interval or test
 * @param low                    interval, lower bound (of the metric, or of the candidate-minus-base difference)
 * @param high                   interval, upper bound
 * @param pValue                 two-sided p-value of no difference (McNemar, paired DeLong)
 * @param baseOnlyRight          McNemar: paired images only the base got right
 * @param candidateOnlyRight     McNemar: paired images only the candidate got right
 * @param images                 images the interval or test rests on
 * @param smallestDetectableDrop the smallest drop of this metric that the test could have told from noise on these
 *                               images at this level; null when no drop could be (too few images)
 * @param at                     the operating point's recall or false-positive rate
 * @param threshold              the anomaly-score threshold of the operating point (null: flag nothing)
 * @param note                   why a drop was not tested, or that the test sets differ
 * @param relative               true for a {@code maximumRelativeDrops} rule, whose smallest detectable drop is
 *                               relative to the baseline; null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Evidence(String method, Double level, Double low, Double high, Double pValue, Long baseOnlyRight,
                       Long candidateOnlyRight, Long images, Double smallestDetectableDrop, Double at,
                       Double threshold, String note, Boolean relative) {

    /** Method of a drop judged without a test. */
    public static final String UNTESTED = "untested";
    /** Method of an exact McNemar test. */
    public static final String MCNEMAR = "mcnemar";
    /** Method of DeLong's paired test of two AUCs. */
    public static final String PAIRED_DELONG = "paired-delong";
    /** Method of a paired stratified bootstrap. */
    public static final String PAIRED_BOOTSTRAP = "paired-bootstrap";

    /**
     * @param interval the candidate's interval of the metric, may be null
     * @param level    its level
     * @return the evidence, null without an interval
     */
    public static Evidence of(Interval interval, double level) {
        return interval == null ? null : new Evidence(interval.method(), level, interval.low(), interval.high(), null,
                null, null, interval.images(), null, null, null, null, null);
    }

    /**
     * @param level a confidence level, e.g. 0.95
     * @return it as people write it, e.g. {@code 95 %}
     */
    public static String levelText(double level) {
        return String.format(Locale.ROOT, "%.4g", 100 * level).replaceAll("\\.?0+$", "") + " %";
    }

    /**
     * @param p a p-value
     * @return four decimals, or {@code < 0.0001}: 0.0000 would read as impossible
     */
    public static String pValueText(double p) {
        return p < 1e-4 ? "< 0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }

    /**
     * @param note why the drop was not tested
     * @return evidence of an untested drop
     */
    public static Evidence untested(String note) {
        return new Evidence(UNTESTED, null, null, null, null, null, null, null, null, null, null, note, null);
    }

    /**
     * @param at        the rule's recall or false-positive rate
     * @param threshold the operating point's threshold
     * @return evidence of an operating point
     */
    public static Evidence operatingPoint(double at, Double threshold) {
        return new Evidence(null, null, null, null, null, null, null, null, null, at, threshold, null, null);
    }

    /**
     * @param other a note to add
     * @return this evidence with the note appended
     */
    public Evidence withNote(String other) {
        String joined = note == null ? other : note + "; " + other;
        return new Evidence(method, level, low, high, pValue, baseOnlyRight, candidateOnlyRight, images,
                smallestDetectableDrop, at, threshold, joined, relative);
    }

    /**
     * @param baseline the baseline's value, which a relative drop is a fraction of
     * @return this evidence of a relative rule, its smallest detectable drop divided by the baseline
     */
    public Evidence relativeTo(double baseline) {
        return new Evidence(method, level, low, high, pValue, baseOnlyRight, candidateOnlyRight, images,
                smallestDetectableDrop == null ? null : smallestDetectableDrop / baseline, at, threshold, note, true);
    }
}
