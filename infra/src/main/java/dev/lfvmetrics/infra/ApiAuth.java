package dev.lfvmetrics.infra;

import java.util.Locale;

/** How the query API authorizes callers: the context parameter {@code apiAuth}. */
public enum ApiAuth {
    /** Every route needs a SigV4-signed request from a principal allowed {@code execute-api:Invoke}. */
    IAM,
    /** No authorization: anyone with the URL can read the metrics and change thresholds. */
    NONE;

    /**
     * @param value the context value ({@code iam} or {@code none}, any case); null means the default, IAM
     * @return the mode
     */
    public static ApiAuth parse(String value) {
        if (value == null || value.isBlank()) {
            return IAM;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "iam" -> IAM;
            case "none" -> NONE;
            default -> throw new InvalidContextException("apiAuth", "'" + value + "' is not one of: iam, none");
        };
    }
}
