package dev.lfvmetrics.functions.store;

/** What a model write did. */
public enum SaveOutcome {
    /** A new version was stored. */
    STORED,
    /** The version existed with different content and was replaced. */
    UPDATED,
    /** The version existed with the same content: nothing was written. */
    DUPLICATE
}
