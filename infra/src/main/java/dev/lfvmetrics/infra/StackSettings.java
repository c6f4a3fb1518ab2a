package dev.lfvmetrics.infra;

import dev.lfvmetrics.contracts.DashboardLinks;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import software.constructs.Node;

/**
 * Every deploy-time parameter of the stack, read and validated from the CDK context ({@code -c key=value} or
 * cdk.json). The README (Deploy to AWS) documents each one. List parameters take a comma-separated string or a
 * JSON list.
 *
 * @param artifactsBuckets existing buckets that receive Lookout for Vision evaluation files (imported, not created)
 * @param artifactsPrefix key prefix of the evaluation files in those buckets ("" = anywhere)
 * @param alertEmails addresses subscribed to the alert topic
 * @param slack the Slack channel for AWS Chatbot, when both ids are given
 * @param defaultPolicy the default threshold policy as compact JSON, "" for none
 * @param apiAuth the query API's authorization
 * @param watchedProjects Lookout for Vision projects whose CreateModel calls start the training watcher
 * @param modelCatalog where the ingest function reads DescribeModel documents (the watcher always asks the API)
 * @param descriptionBucket optional existing bucket of saved DescribeModel documents
 * @param functionsJar absolute path of the shaded functions jar
 * @param sageMaker which SageMaker jobs are followed and which buckets hold their ground truth and predictions
 * @param artifactsKmsKeys ARNs of the customer managed KMS keys that encrypt artifacts or prediction buckets
 * @param dashboardUrl the dashboard alerts link to (e.g. the signed local proxy's http://127.0.0.1:8080/ui/); when
 *                     empty, the API's own /ui/ if the API is open (apiAuth=none), else no link
 */
public record StackSettings(List<String> artifactsBuckets, String artifactsPrefix, List<String> alertEmails,
                            Optional<SlackChannel> slack, String defaultPolicy, ApiAuth apiAuth,
                            List<String> watchedProjects, ModelCatalog modelCatalog,
                            Optional<String> descriptionBucket, Path functionsJar, SageMakerSettings sageMaker,
                            List<String> artifactsKmsKeys, Optional<URI> dashboardUrl) {

    /** Context parameter of the dashboard address alerts link to. */
    static final String DASHBOARD_URL = "dashboardUrl";

    // S3 bucket naming rules (general purpose buckets), checked here so a typo fails synth, not the first event.
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    // Lookout for Vision's own constraint on project names (API reference, CreateProject).
    private static final Pattern PROJECT = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_\\-]{0,254}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s,]+@[^@\\s,]+\\.[^@\\s,]+");
    private static final Pattern SLACK_WORKSPACE = Pattern.compile("[0-9A-Z]{1,255}");
    private static final Pattern SLACK_CHANNEL = Pattern.compile("[A-Za-z0-9]{1,255}");
    // A key ARN, not an alias: an S3 bucket's default encryption names the key itself.
    private static final Pattern KMS_KEY = Pattern.compile(
            "arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/([0-9a-fA-F-]{36}|mrk-[0-9a-f]{32})");

    /** Canonical constructor: copies the lists so that a settings value cannot change after validation. */
    public StackSettings {
        artifactsBuckets = List.copyOf(artifactsBuckets);
        alertEmails = List.copyOf(alertEmails);
        watchedProjects = List.copyOf(watchedProjects);
        artifactsKmsKeys = List.copyOf(artifactsKmsKeys);
    }

    /**
     * @param context the app's (or a test's) construct node holding the context
     * @param workingDirectory where relative paths start (the process's working directory)
     * @return the validated settings
     * @throws InvalidContextException naming the first parameter that is wrong
     */
    public static StackSettings fromContext(Node context, Path workingDirectory) {
        List<String> buckets = list(context, "artifactsBuckets");
        for (String bucket : buckets) {
            require(BUCKET.matcher(bucket).matches(), "artifactsBuckets",
                    "'" + bucket + "' is not a valid S3 bucket name");
        }
        String prefix = string(context, "artifactsPrefix").orElse("");
        require(!prefix.startsWith("/"), "artifactsPrefix", "'" + prefix + "' must not start with '/': S3 keys"
                + " have no leading slash");
        require(!prefix.contains("*") && !prefix.contains("\\"), "artifactsPrefix",
                "'" + prefix + "' must not contain '*' or '\\' (it is a plain key prefix, not a pattern)");
        List<String> emails = list(context, "alertEmails");
        for (String email : emails) {
            require(EMAIL.matcher(email).matches(), "alertEmails", "'" + email + "' is not an e-mail address");
        }
        Optional<SlackChannel> slack = slack(context);
        String policy = DefaultPolicy.normalize(context.tryGetContext(DefaultPolicy.PARAMETER));
        ApiAuth auth = ApiAuth.parse(string(context, "apiAuth").orElse(null));
        List<String> projects = list(context, "watchedProjects");
        for (String project : projects) {
            require(PROJECT.matcher(project).matches(), "watchedProjects", "'" + project + "' is not a Lookout"
                    + " for Vision project name (1-255 of [a-zA-Z0-9_-], starting with a letter or digit)");
        }
        Optional<String> descriptions = string(context, "descriptionBucket");
        descriptions.ifPresent(b -> require(BUCKET.matcher(b).matches(), "descriptionBucket",
                "'" + b + "' is not a valid S3 bucket name"));
        // Saved documents when there is a bucket of them, else the API (allowed only on watched projects).
        ModelCatalog catalog = ModelCatalog.parse(string(context, "modelCatalog").orElse(null),
                descriptions.isPresent() ? ModelCatalog.S3 : ModelCatalog.LIVE);
        require(catalog != ModelCatalog.S3 || descriptions.isPresent(), "modelCatalog", "'s3' needs"
                + " descriptionBucket: the bucket that holds the saved DescribeModel-<project>-<version>.json files");
        Path jar = FunctionsJar.resolve(string(context, FunctionsJar.PARAMETER).orElse(null), workingDirectory);
        List<String> predictionBuckets = list(context, SageMakerSettings.BUCKETS);
        for (String bucket : predictionBuckets) {
            require(BUCKET.matcher(bucket).matches(), SageMakerSettings.BUCKETS, "'" + bucket
                    + "' is not a valid S3 bucket name");
        }
        List<String> algorithms = list(context, SageMakerSettings.ALGORITHMS);
        String taggedOnly = string(context, SageMakerSettings.TAGGED_ONLY).orElse("false");
        require("true".equals(taggedOnly) || "false".equals(taggedOnly), SageMakerSettings.TAGGED_ONLY,
                "must be true or false, not '" + taggedOnly + "'");
        SageMakerSettings sageMaker = SageMakerSettings.of(algorithms, Boolean.parseBoolean(taggedOnly),
                predictionBuckets);
        SnapStartRegions.check(string(context, SnapStartRegions.PARAMETER).orElse(null));
        List<String> keys = list(context, "artifactsKmsKeys");
        for (String key : keys) {
            require(KMS_KEY.matcher(key).matches(), "artifactsKmsKeys", "'" + key + "' is not a KMS key ARN "
                    + "(arn:aws:kms:<region>:<account>:key/<key id>)");
        }
        Optional<URI> dashboard = string(context, DASHBOARD_URL).map(url -> {
            try {
                return DashboardLinks.parse(url, DASHBOARD_URL);
            } catch (IllegalArgumentException e) {
                throw new InvalidContextException(DASHBOARD_URL, e.getMessage());
            }
        });
        return new StackSettings(buckets, prefix, emails, slack, policy, auth, projects, catalog, descriptions,
                jar, sageMaker, keys, dashboard);
    }

    private static Optional<SlackChannel> slack(Node context) {
        Optional<String> workspace = string(context, "slackWorkspaceId");
        Optional<String> channel = string(context, "slackChannelId");
        if (workspace.isEmpty() && channel.isEmpty()) {
            return Optional.empty();
        }
        require(workspace.isPresent(), "slackWorkspaceId", "is required when slackChannelId is given");
        require(channel.isPresent(), "slackChannelId", "is required when slackWorkspaceId is given");
        require(SLACK_WORKSPACE.matcher(workspace.get()).matches(), "slackWorkspaceId",
                "'" + workspace.get() + "' is not a Slack workspace id (capital letters and digits, e.g. T0123ABCD)");
        require(SLACK_CHANNEL.matcher(channel.get()).matches(), "slackChannelId",
                "'" + channel.get() + "' is not a Slack channel id (letters and digits, e.g. C0123ABCD)");
        SlackChannel slack = new SlackChannel(workspace.get(), channel.get());
        require(slack.configurationName().length() <= SlackChannel.MAX_CONFIGURATION_NAME, "slackChannelId",
                "makes the Chatbot configuration name '" + slack.configurationName() + "' longer than "
                        + SlackChannel.MAX_CONFIGURATION_NAME + " characters");
        return Optional.of(slack);
    }

    private static Optional<String> string(Node context, String key) {
        Object value = context.tryGetContext(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String) && !(value instanceof Number) && !(value instanceof Boolean)) {
            throw new InvalidContextException(key, "expected a single value, got " + value);
        }
        String text = value.toString().trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private static List<String> list(Node context, String key) {
        Object value = context.tryGetContext(key);
        List<String> items = new ArrayList<>();
        if (value == null) {
            return items;
        }
        if (value instanceof String text) {
            for (String part : text.split(",", -1)) {
                items.add(part.trim());
            }
        } else if (value instanceof Collection<?> values) {
            for (Object part : values) {
                require(part instanceof String, key, "list items must be strings, got " + part);
                items.add(((String) part).trim());
            }
        } else {
            throw new InvalidContextException(key, "expected a comma-separated string or a list, got " + value);
        }
        items.removeIf(String::isEmpty);
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (String item : items) {
            require(unique.add(item), key,
                    "'" + item + "' is listed twice");
        }
        return List.copyOf(unique);
    }

    private static void require(boolean condition, String key, String problem) {
        if (!condition) {
            throw new InvalidContextException(key, problem);
        }
    }
}
