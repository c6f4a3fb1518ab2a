package dev.lfvmetrics.functions.testing;

import dev.lfvmetrics.functions.config.AwsClients;
import dev.lfvmetrics.functions.config.Config;
import dev.lfvmetrics.functions.config.Wiring;
import dev.lfvmetrics.functions.store.TableDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;

/** The AWS resources of the stack, created in moto with the table layout of docs/design.md. */
public final class TestAccount {

    public static final String REGION = "us-east-1";
    public static final String TABLE = "lfv-metrics";
    public static final String ARTIFACTS = "lfv-samples";
    public static final String DETAILS = "lfv-details";
    public static final String DESCRIPTIONS = "lfv-descriptions";

    private final AwsClients clients;
    private final DynamoDbClient dynamo;
    private final S3Client s3;
    private final SnsClient sns;

    private static final AwsCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));

    public TestAccount() {
        clients = new AwsClients(REGION, MotoExtension.endpoint(), CREDENTIALS);
        dynamo = clients.dynamoDb();
        s3 = clients.s3();
        sns = clients.sns();
    }

    public AwsClients clients() {
        return clients;
    }

    public DynamoDbClient dynamo() {
        return dynamo;
    }

    public S3Client s3() {
        return s3;
    }

    public SnsClient sns() {
        return sns;
    }

    /** Creates the table, the buckets and a topic; returns the configuration pointing at them. */
    public Config createStack(Map<String, String> overrides) {
        createTable();
        createBucket(ARTIFACTS);
        createBucket(DETAILS);
        createBucket(DESCRIPTIONS);
        String topicArn = sns.createTopic(b -> b.name("lfv-alerts")).topicArn();
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", REGION);
        env.put("TABLE_NAME", TABLE);
        env.put("DETAILS_BUCKET", DETAILS);
        env.put("TOPIC_ARN", topicArn);
        env.put("ARTIFACTS_BUCKETS", ARTIFACTS + "," + DESCRIPTIONS);
        env.put("DESCRIPTION_BUCKET", DESCRIPTIONS);
        env.put("MODEL_CATALOG", "s3");
        env.put("AWS_ENDPOINT_URL", MotoExtension.endpoint().toString());
        env.putAll(overrides);
        return Config.from(env);
    }

    public Wiring wiring(Config config) {
        return new Wiring(config, clients);
    }

    public void createTable() {
        TableDefinition.create(dynamo, TABLE);
    }

    public void createBucket(String name) {
        s3.createBucket(b -> b.bucket(name));
    }

    public void put(String bucket, String key, String content) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(content, StandardCharsets.UTF_8));
    }

    public String get(String bucket, String key) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String();
    }

    /**
     * Uploads the bundled sample artifacts to the artifacts bucket, as the service left them, without the test
     * images' pictures (hundreds of small files most tests never read: {@link #uploadPictures}).
     */
    public void uploadSamples() {
        upload(file -> !file.getFileName().toString().endsWith(".jpg"));
    }

    /**
     * Uploads the pictures of one sample project's test images.
     *
     * @param folder the project's folder under the samples, e.g. {@code cookies}
     */
    public void uploadPictures(String folder) {
        upload(file -> file.getFileName().toString().endsWith(".jpg") && file.toString().contains("/" + folder + "/"));
    }

    private void upload(java.util.function.Predicate<Path> which) {
        Path root;
        try {
            root = Path.of(TestAccount.class.getResource(Samples.ROOT).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).filter(which).forEach(file -> s3.putObject(
                    b -> b.bucket(ARTIFACTS).key(root.relativize(file).toString().replace('\\', '/')),
                    RequestBody.fromFile(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves a sample DescribeModel document where the S3 model catalog looks for it. */
    public void saveDescription(String project, String version) {
        put(DESCRIPTIONS, "DescribeModel-" + project + "-" + version + ".json",
                Samples.text(project + "/output/DescribeModel-" + project + "-" + version + ".json"));
    }

    public DynamoDbStreamsClient streams() {
        return DynamoDbStreamsClient.builder().region(Region.of(REGION)).credentialsProvider(CREDENTIALS)
                .endpointOverride(MotoExtension.endpoint()).httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    public SqsClient sqs() {
        return SqsClient.builder().region(Region.of(REGION)).credentialsProvider(CREDENTIALS)
                .endpointOverride(MotoExtension.endpoint()).httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    /** A queue subscribed to the topic (not raw: the SNS envelope keeps the subject and attributes). */
    public String subscribeQueue(String topicArn, String queueName) {
        SqsClient sqs = sqs();
        String url = sqs.createQueue(b -> b.queueName(queueName)).queueUrl();
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url)
                .attributeNamesWithStrings("QueueArn")).attributesAsStrings().get("QueueArn");
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(arn));
        return url;
    }

    /** The configuration of an existing stack with some settings changed. */
    public Config createStackConfig(Map<String, String> overrides, Config base) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", base.region());
        env.put("TABLE_NAME", base.tableName());
        env.put("DETAILS_BUCKET", base.detailsBucket());
        env.put("TOPIC_ARN", base.topicArn());
        env.put("ARTIFACTS_BUCKETS", String.join(",", base.artifactsBuckets()));
        env.put("DESCRIPTION_BUCKET", base.descriptionBucket());
        env.put("MODEL_CATALOG", base.modelCatalog());
        env.put("DEFAULT_POLICY", base.defaultPolicy());
        env.put("DASHBOARD_ENABLED", String.valueOf(base.dashboardEnabled()));
        env.put("AWS_ENDPOINT_URL", base.endpoint().toString());
        env.putAll(overrides);
        return Config.from(env);
    }
}
