package dev.lfvmetrics.functions.ingest;

/** What the ingest function did with an event. */
public enum IngestOutcome {
    /** A new model version was stored. */
    STORED,
    /** A stored model version got new content. */
    UPDATED,
    /** The same content was already stored. */
    DUPLICATE,
    /** Not an event to act on (foreign, or a partial state that a later event completes). */
    IGNORED,
    /** A SageMaker batch transform failed: logged and counted, nothing stored (it is not a model). */
    TRANSFORM_FAILED,
    /** An event meant for this function that cannot succeed (malformed, missing or forbidden input). */
    REJECTED
}
