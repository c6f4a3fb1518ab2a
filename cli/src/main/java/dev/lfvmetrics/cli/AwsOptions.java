package dev.lfvmetrics.cli;

import dev.lfvmetrics.core.error.InvalidInputException;
import dev.lfvmetrics.functions.config.AwsClients;
import java.net.URI;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;

/** Where {@code s3://} locations are read: only used, and the client only built, when one is given. */
public final class AwsOptions {

    @Option(names = "--region", paramLabel = "REGION",
            description = "AWS region for s3:// locations (default: the SDK's region chain, e.g. AWS_REGION)")
    String region;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "S3 endpoint for s3:// locations (an emulator such as moto); default: AWS")
    URI endpoint;

    /**
     * @return an S3 client with the default credentials chain
     * @throws InvalidInputException when no region is given or configured
     */
    S3Client s3() {
        String r = region;
        if (r == null) {
            try {
                r = new DefaultAwsRegionProviderChain().getRegion().id();
            } catch (SdkClientException e) {
                throw new InvalidInputException("--region", 0, "no AWS region for s3:// locations: pass --region "
                        + "or set AWS_REGION", e);
            }
        }
        return new AwsClients(r, endpoint, DefaultCredentialsProvider.builder().build()).s3();
    }
}
