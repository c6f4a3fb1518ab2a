package dev.lfvmetrics.core.summary;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One metric's confidence interval in the summary ({@code intervals.<metric>}).
 *
 * @param low        lower bound
 * @param high       upper bound
 * @param method     {@code wilson}, {@code delong} or {@code bootstrap}
 * @param images     how many images it rests on: the metric's own denominator (Wilson) or the test set
 * @param resamples  bootstrap only: resamples with a defined value
 * @param undefined  bootstrap only: resamples where the metric was undefined (left out, never zeroed)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Interval(double low, double high, String method, long images, Integer resamples, Integer undefined) {

    /** Method name of Wilson's score interval. */
    public static final String WILSON = "wilson";
    /** Method name of DeLong's interval of the AUC. */
    public static final String DELONG = "delong";
    /** Method name of the stratified bootstrap. */
    public static final String BOOTSTRAP = "bootstrap";
}
