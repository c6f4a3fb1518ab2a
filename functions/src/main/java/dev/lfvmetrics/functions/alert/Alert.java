package dev.lfvmetrics.functions.alert;

import dev.lfvmetrics.core.policy.Breach;

/**
 * One thing to tell people about one model version.
 *
 * @param project  project
 * @param version  version
 * @param kind     the breach kind, or {@link #TRAINING_FAILED}
 * @param key      unique per model version: one alert record and one message per key
 * @param severity {@code critical}, {@code high} or {@code warning}
 * @param breach   the policy breach, null for a failed training
 * @param message  the failure's status message, null for a breach
 */
public record Alert(String project, String version, String kind, String key, String severity, Breach breach,
                    String message) {

    /** Kind of the alert for a failed training. */
    public static final String TRAINING_FAILED = "TRAINING_FAILED";

    /**
     * @param project project
     * @param version version
     * @param breach  the breach
     * @return the alert for it
     */
    public static Alert of(String project, String version, Breach breach) {
        String severity = Breach.REGRESSION.equals(breach.kind()) ? "high" : "warning";
        return new Alert(project, version, breach.kind(), breach.key(), severity, breach, null);
    }

    /**
     * @param project       project
     * @param version       version
     * @param statusMessage why the training failed, may be null
     * @return the alert for the failure
     */
    public static Alert failed(String project, String version, String statusMessage) {
        return new Alert(project, version, TRAINING_FAILED, TRAINING_FAILED, "critical", null, statusMessage);
    }
}
