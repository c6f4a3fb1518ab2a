package dev.lfvmetrics.contracts;

/** The functions' own CloudWatch metrics: written by the functions, alarmed on by the stack. */
public final class MetricNames {

    /** Their namespace. */
    public static final String NAMESPACE = "lfv-metrics";
    /** The ingest function's outcome count, with dimension {@value #OUTCOME}. */
    public static final String INGEST_OUTCOME = "IngestOutcome";
    /** The outcome dimension. */
    public static final String OUTCOME = "outcome";
    /** The outcome of an event that could not be stored. */
    public static final String REJECTED = "REJECTED";

    private MetricNames() {
    }
}
