package dev.lfvmetrics.cli.local;

import java.net.URI;
import java.nio.file.Path;

/**
 * What the local mode runs on.
 *
 * @param artifacts     folder whose sub-folders are buckets: {@code DIR/BUCKET/KEY} serves {@code s3://BUCKET/KEY}
 * @param state         folder for the store, the details and {@code alerts.jsonl}
 * @param defaultPolicy threshold policy JSON applied to projects without their own, empty for none
 * @param endpoint      an AWS-compatible endpoint (moto, LocalStack) for the table, topic and details, or null
 * @param region        region name for the SDK clients
 * @param dashboardUrl  the dashboard the alerts link to (the local server's /ui/), or null when nothing serves it
 */
public record LocalSettings(Path artifacts, Path state, String defaultPolicy, URI endpoint, String region,
                            URI dashboardUrl) {

    /** Table, topic and details bucket name used at an endpoint. */
    public static final String RESOURCE_NAME = "lfv-metrics-local";
}
