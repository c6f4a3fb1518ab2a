package dev.lfvmetrics.infra;

import java.util.Locale;

/** Where the functions read a model's DescribeModel document: the {@code MODEL_CATALOG} environment variable. */
public enum ModelCatalog {
    /** The Lookout for Vision DescribeModel API, allowed only on the watched projects. */
    LIVE("live"),
    /** Saved {@code DescribeModel-<project>-<version>.json} documents in S3. */
    S3("s3");

    private final String value;

    ModelCatalog(String value) {
        this.value = value;
    }

    /**
     * @return the value of the environment variable
     */
    public String value() {
        return value;
    }

    /**
     * @param value the context value ({@code live} or {@code s3}); null or blank means {@code fallback}
     * @param fallback the mode when none is given
     * @return the catalog
     */
    public static ModelCatalog parse(String value, ModelCatalog fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "live" -> LIVE;
            case "s3" -> S3;
            default -> throw new InvalidContextException("modelCatalog", "'" + value + "' is not one of: live, s3");
        };
    }
}
