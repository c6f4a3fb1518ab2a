package dev.lfvmetrics.core.evaluate;

import java.time.Clock;

/**
 * Knobs of an evaluation.
 *
 * @param maxMisclassified how many misclassified images the summary lists at most (the total is always counted)
 * @param curvePoints      at most this many points per stored curve
 * @param clock            source of the summary's {@code computedAt}
 */
public record EvaluationOptions(int maxMisclassified, int curvePoints, Clock clock) {

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
    }

    /**
     * The defaults: 100 misclassified images, 200 curve points, the system clock.
     *
     * @return default options
     */
    public static EvaluationOptions defaults() {
        return new EvaluationOptions(DEFAULT_MAX_MISCLASSIFIED, 200, Clock.systemUTC());
    }

    /**
     * These options with another misclassified cap.
     *
     * @param max the cap
     * @return new options
     */
    public EvaluationOptions withMaxMisclassified(int max) {
        return new EvaluationOptions(max, curvePoints, clock);
    }

    /**
     * These options with another clock.
     *
     * @param c the clock
     * @return new options
     */
    public EvaluationOptions withClock(Clock c) {
        return new EvaluationOptions(maxMisclassified, curvePoints, c);
    }
}
