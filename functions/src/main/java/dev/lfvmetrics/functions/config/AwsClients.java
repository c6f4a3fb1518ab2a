package dev.lfvmetrics.functions.config;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lookoutvision.LookoutVisionClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Builds the SDK clients the same way for every handler: explicit region, the default credentials chain (a pinned
 * environment provider breaks SnapStart), the light URL-connection HTTP client, and the configured endpoint.
 */
public final class AwsClients {

    private final Region region;
    private final URI endpoint;
    private final AwsCredentialsProvider credentials;

    /**
     * Production clients: the default credentials chain.
     *
     * @param config the configuration (region, endpoint)
     */
    public AwsClients(Config config) {
        this(config.region(), config.endpoint(), DefaultCredentialsProvider.builder().build());
    }

    /**
     * Clients for an explicit endpoint and credentials (tests, local mode).
     *
     * @param region      region name
     * @param endpoint    endpoint override, or null for AWS
     * @param credentials credentials provider
     */
    public AwsClients(String region, URI endpoint, AwsCredentialsProvider credentials) {
        this.region = Region.of(region);
        this.endpoint = endpoint;
        this.credentials = credentials;
    }

    /** @return a DynamoDB client */
    public DynamoDbClient dynamoDb() {
        return configure(DynamoDbClient.builder()).build();
    }

    /** @return an S3 client; path-style addressing when an endpoint is set, as emulators expect */
    public S3Client s3() {
        return configure(S3Client.builder()).forcePathStyle(endpoint != null).build();
    }

    /** @return an S3 presigner (no HTTP client: signing is local); path-style URLs when an endpoint is set */
    public S3Presigner s3Presigner() {
        S3Presigner.Builder builder = S3Presigner.builder().region(region).credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(endpoint != null).build());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

    /** @return an SNS client */
    public SnsClient sns() {
        return configure(SnsClient.builder()).build();
    }

    /** @return a SageMaker client */
    public SageMakerClient sageMaker() {
        return configure(SageMakerClient.builder()).build();
    }

    /** @return a Lookout for Vision client */
    public LookoutVisionClient lookoutVision() {
        return configure(LookoutVisionClient.builder()).build();
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder) {
        builder.region(region)
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }
}
