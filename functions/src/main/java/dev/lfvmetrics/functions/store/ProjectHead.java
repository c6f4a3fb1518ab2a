package dev.lfvmetrics.functions.store;

import java.util.Map;

/**
 * A project's latest pointer, with the headline figures of the newest version.
 *
 * @param project     project name
 * @param version     newest version
 * @param status      its status
 * @param ingestedAt  when it was ingested
 * @param evaluatedAt when it was evaluated (from the summary), may be null
 * @param headline    f1Score, precision, recall, rocAuc, images; a missing or undefined figure is absent
 */
public record ProjectHead(
        String project, String version, String status, String ingestedAt, String evaluatedAt,
        Map<String, Double> headline) {

    public ProjectHead {
        headline = Map.copyOf(headline);
    }
}
