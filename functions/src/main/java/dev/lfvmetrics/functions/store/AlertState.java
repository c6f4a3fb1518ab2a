package dev.lfvmetrics.functions.store;

/** Where one alert (one model version and one breach) stands. */
public enum AlertState {
    /** The record was created by this claim: publish it. */
    NEW,
    /** A previous attempt claimed it but did not confirm the publish: publish it again. */
    PENDING,
    /** Already published: do nothing. */
    SENT
}
