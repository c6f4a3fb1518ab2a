package dev.lfvmetrics.cli;

import dev.lfvmetrics.cli.args.Args;
import dev.lfvmetrics.core.error.InvalidInputException;
import dev.lfvmetrics.functions.config.AwsClients;
import java.net.URI;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;

/** Where {@code s3://} locations are read: only used, and the client only built, when one is given. */
public final class AwsOptions {

    private static final Option REGION = Args.valued("region", "REGION", "AWS region for s3:// locations "
            + "(default: the SDK's region chain, e.g. AWS_REGION)");
    private static final Option ENDPOINT = Args.valued("endpoint-url", "URL", "S3 endpoint for s3:// locations (an "
            + "emulator such as moto); default: AWS");

    private final String region;
    private final URI endpoint;

    private AwsOptions(String region, URI endpoint) {
        this.region = region;
        this.endpoint = endpoint;
    }

    /**
     * Adds these options to a command's.
     *
     * @param options the command's options
     */
    static void declare(Options options) {
        options.addOption(REGION).addOption(ENDPOINT);
    }

    /**
     * @param args a parsed command line that declared these options
     * @return the options it gives
     */
    static AwsOptions of(Args args) {
        return new AwsOptions(args.text(REGION), args.uri(ENDPOINT));
    }

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
