package dev.lfvmetrics.functions.alert;

import dev.lfvmetrics.core.policy.Breach;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * One message about one model version: a failed training, or every breach of its evaluation together.
 *
 * @param project      project
 * @param version      version
 * @param kind         {@link #TRAINING_FAILED}, or the most severe breach's kind ({@code REGRESSION} before others)
 * @param key          one alert record and one message per key: the same breaches give the same key on every
 *                     redelivery, a re-evaluation with other breaches a new one
 * @param severity     {@code critical} (failed training), {@code high} (a regression) or {@code warning}
 * @param breaches     the version's breaches, empty for a failed training
 * @param inconclusive the drops its paired tests cannot tell from noise, mentioned beside the breaches
 * @param message      the failure's status message, null for breaches
 * @param link         the version's dashboard page, null when no dashboard URL is configured
 */
public record Alert(String project, String version, String kind, String key, String severity, List<Breach> breaches,
                    List<Breach> inconclusive, String message, String link) {

    /** Kind of the alert for a failed training. */
    public static final String TRAINING_FAILED = "TRAINING_FAILED";
    /** Prefix of the key of a version's breaches. */
    static final String BREACHES = "BREACHES#";

    /** Immutable copies. */
    public Alert {
        breaches = List.copyOf(breaches);
        inconclusive = List.copyOf(inconclusive);
    }

    /**
     * @param project      project
     * @param version      version
     * @param breaches     its breaches, at least one
     * @param inconclusive its inconclusive drops
     * @param link         its dashboard page, may be null
     * @return the one alert for them
     */
    public static Alert of(String project, String version, List<Breach> breaches, List<Breach> inconclusive,
                           String link) {
        if (breaches.isEmpty()) {
            throw new IllegalArgumentException("an alert needs a breach: inconclusive drops are never alerted alone");
        }
        boolean regression = breaches.stream().anyMatch(b -> Breach.REGRESSION.equals(b.kind()));
        String kind = regression ? Breach.REGRESSION : breaches.get(0).kind();
        return new Alert(project, version, kind, key(breaches), regression ? "high" : "warning", breaches,
                inconclusive, null, link);
    }

    /**
     * @param project       project
     * @param version       version
     * @param statusMessage why the training failed, may be null
     * @param link          the version's dashboard page, may be null
     * @return the alert for the failure
     */
    public static Alert failed(String project, String version, String statusMessage, String link) {
        return new Alert(project, version, TRAINING_FAILED, TRAINING_FAILED, "critical", List.of(), List.of(),
                statusMessage, link);
    }

    /** The breaches' keys, sorted and hashed: short enough for a sort key, the same for the same breaches. */
    private static String key(List<Breach> breaches) {
        String joined = String.join("\n", breaches.stream().map(Breach::key).sorted().distinct().toList());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8));
            return BREACHES + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
