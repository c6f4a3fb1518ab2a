package dev.lfvmetrics.functions.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The ingest function's answer.
 *
 * @param outcome what happened
 * @param project project, when known
 * @param version version, when known
 * @param reason  why, for IGNORED and REJECTED
 * @param models  one result per model for a folder backfill, else empty
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record IngestResult(IngestOutcome outcome, String project, String version, String reason,
                           List<IngestResult> models) {

    public IngestResult {
        models = models == null ? List.of() : List.copyOf(models);
    }

    /**
     * @param outcome IGNORED or REJECTED
     * @param reason  why
     * @return a result without a model
     */
    public static IngestResult of(IngestOutcome outcome, String reason) {
        return new IngestResult(outcome, null, null, reason, List.of());
    }

    /**
     * @param outcome what happened
     * @param project project
     * @param version version
     * @return a result for one model
     */
    public static IngestResult model(IngestOutcome outcome, String project, String version) {
        return new IngestResult(outcome, project, version, null, List.of());
    }
}
