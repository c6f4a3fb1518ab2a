package dev.lfvmetrics.contracts;

/** The functions' environment variables (docs/design.md): set by the CDK app and the local mode, read by Config. */
public final class EnvironmentVariables {

    /** The DynamoDB table. */
    public static final String TABLE_NAME = "TABLE_NAME";
    /** Bucket of the details (full curves, per-image results). */
    public static final String DETAILS_BUCKET = "DETAILS_BUCKET";
    /** Key prefix in it. */
    public static final String DETAILS_PREFIX = "DETAILS_PREFIX";
    /** The alert topic. */
    public static final String TOPIC_ARN = "TOPIC_ARN";
    /** The default threshold policy (JSON). */
    public static final String DEFAULT_POLICY = "DEFAULT_POLICY";
    /** Comma-separated buckets the ingest function may read. */
    public static final String ARTIFACTS_BUCKETS = "ARTIFACTS_BUCKETS";
    /** Bucket of saved DescribeModel and SageMaker describe documents. */
    public static final String DESCRIPTION_BUCKET = "DESCRIPTION_BUCKET";
    /** {@code live} or {@code s3}: where DescribeModel documents come from. */
    public static final String MODEL_CATALOG = "MODEL_CATALOG";
    /** {@code true} to serve the dashboard from the API. */
    public static final String DASHBOARD_ENABLED = "DASHBOARD_ENABLED";
    /** The dashboard's address ({@code .../ui/}) that alerts link to; unset for API paths instead. */
    public static final String DASHBOARD_URL = "DASHBOARD_URL";
    /** Comma-separated wildcard patterns of followed SageMaker algorithms. */
    public static final String SAGEMAKER_ALGORITHMS = "SAGEMAKER_ALGORITHMS";
    /** {@code true} to follow only tagged SageMaker training jobs. */
    public static final String SAGEMAKER_TAGGED_ONLY = "SAGEMAKER_TAGGED_ONLY";
    /** {@code live} or {@code s3}: where SageMaker model and job descriptions come from. */
    public static final String SAGEMAKER_CATALOG = "SAGEMAKER_CATALOG";
    /** Set by Lambda. */
    public static final String AWS_REGION = "AWS_REGION";
    /** An endpoint for every SDK client (tests, local mode). */
    public static final String AWS_ENDPOINT_URL = "AWS_ENDPOINT_URL";

    /** Value of MODEL_CATALOG and SAGEMAKER_CATALOG: ask the service's API. */
    public static final String CATALOG_LIVE = "live";
    /** Value of MODEL_CATALOG and SAGEMAKER_CATALOG: read saved documents from DESCRIPTION_BUCKET. */
    public static final String CATALOG_S3 = "s3";

    private EnvironmentVariables() {
    }
}
