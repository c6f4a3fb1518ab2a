package dev.lfvmetrics.functions.config;

import java.net.URI;
import java.net.URISyntaxException;
import dev.lfvmetrics.contracts.DashboardLinks;
import dev.lfvmetrics.contracts.EnvironmentVariables;
import dev.lfvmetrics.functions.sagemaker.SageMakerRules;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every setting of the functions, read once from the environment (names in docs/design.md).
 *
 * @param region            AWS_REGION, required
 * @param tableName         TABLE_NAME, required
 * @param detailsBucket     DETAILS_BUCKET, null when unset
 * @param detailsPrefix     DETAILS_PREFIX, default {@code lfv-metrics/}
 * @param topicArn          TOPIC_ARN, null when unset
 * @param defaultPolicy     DEFAULT_POLICY JSON, empty when unset
 * @param artifactsBuckets  ARTIFACTS_BUCKETS, the buckets ingest may read
 * @param descriptionBucket DESCRIPTION_BUCKET, null when unset
 * @param modelCatalog      MODEL_CATALOG, {@code live} or {@code s3}
 * @param dashboardEnabled  DASHBOARD_ENABLED
 * @param endpoint          AWS_ENDPOINT_URL, null when unset
 * @param sageMaker         SAGEMAKER_ALGORITHMS (comma-separated wildcard patterns of followed algorithms, default the
 *                          defect-detection algorithm) and SAGEMAKER_TAGGED_ONLY
 * @param sageMakerCatalog  SAGEMAKER_CATALOG, {@code live} (the SageMaker API) or {@code s3} (saved documents in
 *                          DESCRIPTION_BUCKET)
 * @param dashboardUrl      DASHBOARD_URL, the dashboard alerts link to, ending in {@code /}; null when unset
 */
public record Config(
        String region,
        String tableName,
        String detailsBucket,
        String detailsPrefix,
        String topicArn,
        String defaultPolicy,
        Set<String> artifactsBuckets,
        String descriptionBucket,
        String modelCatalog,
        boolean dashboardEnabled,
        URI endpoint,
        SageMakerRules sageMaker,
        String sageMakerCatalog,
        URI dashboardUrl) {

    /** The catalog that calls the DescribeModel API. */
    public static final String CATALOG_LIVE = EnvironmentVariables.CATALOG_LIVE;
    /** The catalog that reads saved DescribeModel documents from S3. */
    public static final String CATALOG_S3 = EnvironmentVariables.CATALOG_S3;

    public Config {
        artifactsBuckets = Set.copyOf(artifactsBuckets);
    }

    /**
     * Reads the process environment.
     *
     * @return the configuration
     */
    public static Config fromEnvironment() {
        return from(System.getenv());
    }

    /**
     * Reads the given variables; a missing required one or a malformed value is a clear error naming it.
     *
     * @param env variable name to value
     * @return the configuration
     */
    public static Config from(Map<String, String> env) {
        String catalog = catalog(env, EnvironmentVariables.MODEL_CATALOG);
        String sageMakerCatalog = catalog(env, EnvironmentVariables.SAGEMAKER_CATALOG);
        List<String> algorithms = Arrays.stream(optional(env, EnvironmentVariables.SAGEMAKER_ALGORITHMS,
                        SageMakerRules.DEFECT_DETECTION_ALGORITHM).split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        String taggedOnly = optional(env, EnvironmentVariables.SAGEMAKER_TAGGED_ONLY, "false");
        if (!"true".equals(taggedOnly) && !"false".equals(taggedOnly)) {
            throw new IllegalStateException("SAGEMAKER_TAGGED_ONLY must be 'true' or 'false', not '" + taggedOnly
                    + "'");
        }
        String prefix = optional(env, EnvironmentVariables.DETAILS_PREFIX, "lfv-metrics/");
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        Set<String> buckets = Arrays.stream(optional(env, EnvironmentVariables.ARTIFACTS_BUCKETS, "").split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        return new Config(
                required(env, EnvironmentVariables.AWS_REGION),
                required(env, EnvironmentVariables.TABLE_NAME),
                optional(env, EnvironmentVariables.DETAILS_BUCKET, null),
                prefix,
                optional(env, EnvironmentVariables.TOPIC_ARN, null),
                optional(env, EnvironmentVariables.DEFAULT_POLICY, ""),
                buckets,
                optional(env, EnvironmentVariables.DESCRIPTION_BUCKET, null),
                catalog,
                Boolean.parseBoolean(optional(env, EnvironmentVariables.DASHBOARD_ENABLED, "false")),
                endpoint(optional(env, EnvironmentVariables.AWS_ENDPOINT_URL, null)),
                new SageMakerRules(algorithms, Boolean.parseBoolean(taggedOnly)),
                sageMakerCatalog,
                dashboardUrl(optional(env, EnvironmentVariables.DASHBOARD_URL, null)));
    }

    private static URI dashboardUrl(String value) {
        try {
            return value == null ? null : DashboardLinks.parse(value, EnvironmentVariables.DASHBOARD_URL);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static String catalog(Map<String, String> env, String name) {
        String catalog = optional(env, name, CATALOG_LIVE);
        if (!CATALOG_LIVE.equals(catalog) && !CATALOG_S3.equals(catalog)) {
            throw new IllegalStateException(name + " must be 'live' or 's3', not '" + catalog + "'");
        }
        return catalog;
    }

    /**
     * A setting a component cannot work without.
     *
     * @param value the value read
     * @param name  the variable's name, for the message
     * @return the value
     */
    public static String require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value;
    }

    private static String required(Map<String, String> env, String name) {
        return require(env.get(name), name);
    }

    private static String optional(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static URI endpoint(String value) {
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalStateException("AWS_ENDPOINT_URL must be an absolute URL, not '" + value + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalStateException("AWS_ENDPOINT_URL is not a URL: '" + value + "'", e);
        }
    }
}
