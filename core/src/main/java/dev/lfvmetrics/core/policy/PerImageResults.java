package dev.lfvmetrics.core.policy;

import dev.lfvmetrics.core.summary.ImageResult;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where a policy check finds the per-image results it may need: both versions' for the paired tests of a drop,
 * the candidate's for an operating point whose curve the summary reduced. Each is fetched only when a rule needs it
 * (the pipeline reads them from S3), at most once per check.
 *
 * @param candidate the candidate's results; the supplier answers null when there are none
 * @param baseline  the baseline's results; the supplier answers null when there are none
 */
public record PerImageResults(Supplier<List<ImageResult>> candidate, Supplier<List<ImageResult>> baseline) {

    /** No per-image results: drops are judged untested, reduced curves give no operating point. */
    public static final PerImageResults NONE = new PerImageResults(() -> null, () -> null);

    /**
     * @param candidate the candidate's results, may be null
     * @param baseline  the baseline's results, may be null
     * @return results already in memory
     */
    public static PerImageResults of(List<ImageResult> candidate, List<ImageResult> baseline) {
        return new PerImageResults(() -> candidate, () -> baseline);
    }
}
