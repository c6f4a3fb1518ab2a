package dev.lfvmetrics.cli;

import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.core.summary.Summary;

/**
 * Prepares Jackson's serializer of the summary document on another thread while a command reads its input: in a
 * one-shot process its first use (class loading, record introspection) would otherwise come after the reading
 * (about 3 % of a 1,000,000-line {@code evaluate --json}, docs/benchmarks.md). Only for output in JSON: for text the
 * same work only competes with the reading (about 0.04 s of the sample).
 */
final class SummaryWriter {

    private SummaryWriter() {
    }

    /** Starts the preparation; nothing is written, and a failure only means the serializer is built later. */
    static void prepare() {
        Thread warmUp = new Thread(() -> Json.mapper().canSerialize(Summary.class), "summary-writer-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }
}
