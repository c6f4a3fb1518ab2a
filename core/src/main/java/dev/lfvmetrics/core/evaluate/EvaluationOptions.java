package dev.lfvmetrics.core.evaluate;

import java.time.Clock;

/**
 * Knobs of an evaluation.
 *
 * @param maxMisclassified how many misclassified images the summary lists at most (the total is always counted)
 * @param curvePoints      at most this many points per stored curve
 * @param clock            source of the summary's {@code computedAt}
 * @param intervalLevel    confidence level of the summary's intervals, in (0, 1)
 */
public record EvaluationOptions(int maxMisclassified, int curvePoints, Clock clock, double intervalLevel) {

    /** Default confidence level of the intervals. */
    public static final double DEFAULT_INTERVAL_LEVEL = 0.95;

    /** Default cap of the misclassified list. */
    public static final int DEFAULT_MAX_MISCLASSIFIED = 100;

    /**
     * Validates the options.
     */
    public EvaluationOptions {
        if (maxMisclassified < 0) {
            throw new IllegalArgumentException("maxMisclassified must be >= 0, got " + maxMisclassified);
        }
        if (curvePoints < 3) {
            throw new IllegalArgumentException("curvePoints must be >= 3, got " + curvePoints);
        }
        if (clock == null) {
            clock = Clock.systemUTC();
        }
        if (!isIntervalLevel(intervalLevel)) {
            throw new IllegalArgumentException("intervalLevel must be in (0, 1), got " + intervalLevel);
        }
    }

    /**
     * The defaults: 100 misclassified images, 200 curve points, the system clock.
     *
     * @return default options
     */
    public static EvaluationOptions defaults() {
        return new EvaluationOptions(DEFAULT_MAX_MISCLASSIFIED, 200, Clock.systemUTC(), DEFAULT_INTERVAL_LEVEL);
    }

    /**
     * These options with another misclassified cap.
     *
     * @param max the cap
     * @return new options
     */
    public EvaluationOptions withMaxMisclassified(int max) {
        return new EvaluationOptions(max, curvePoints, clock, intervalLevel);
    }

    /**
     * These options with another clock.
     *
     * @param c the clock
     * @return new options
     */
    public EvaluationOptions withClock(Clock c) {
        return new EvaluationOptions(maxMisclassified, curvePoints, c, intervalLevel);
    }

    /**
     * These options with another confidence level for the intervals.
     *
     * @param level the level, in (0, 1)
     * @return new options
     */
    public EvaluationOptions withIntervalLevel(double level) {
        return new EvaluationOptions(maxMisclassified, curvePoints, clock, level);
    }

    /**
     * Whether a confidence level is one the intervals and tests accept: strictly between 0 and 1 (NaN is not).
     *
     * @param level the level
     * @return whether it is in (0, 1)
     */
    public static boolean isIntervalLevel(double level) {
        return level > 0 && level < 1;
    }
}
