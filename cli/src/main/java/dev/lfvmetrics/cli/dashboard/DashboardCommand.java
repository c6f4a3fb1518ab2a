package dev.lfvmetrics.cli.dashboard;

import dev.lfvmetrics.cli.args.Args;
import dev.lfvmetrics.cli.args.Subcommand;
import dev.lfvmetrics.cli.args.UsageException;
import dev.lfvmetrics.functions.api.DashboardFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * {@code lfv-metrics dashboard --api URL}: serves the dashboard on localhost against a deployed, IAM-authorized
 * query API, signing the page's API calls with the caller's AWS credentials.
 */
public final class DashboardCommand implements Subcommand {

    /** The command's name. */
    public static final String NAME = "dashboard";

    static final String DESCRIPTION = "Serves the dashboard on http://127.0.0.1:<port>/ui/ for a deployed stack. "
            + "The page's API calls are signed with SigV4 (service execute-api) using the default AWS credentials "
            + "chain (or --profile), because the deployed API is IAM-authorized.";

    private static final int DEFAULT_PORT = 8765;

    private static final Option API = Args.required("api", "URL", "The deployed query API, e.g. "
            + "https://abc123.execute-api.eu-west-1.amazonaws.com");
    private static final Option PORT = Args.valued("port", "N", "Local port on 127.0.0.1 (default: " + DEFAULT_PORT
            + "; 0 picks a free one)");
    private static final Option REGION = Args.valued("region", "R", "The API's region (default: from the "
            + "execute-api host name, else the AWS config)");
    private static final Option PROFILE = Args.valued("profile", "P", "AWS profile for credentials and region");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return DESCRIPTION;
    }

    @Override
    public Options options() {
        return new Options().addOption(API).addOption(PORT).addOption(REGION).addOption(PROFILE);
    }

    @Override
    public int run(Args args, PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        ApiEndpoint endpoint;
        try {
            endpoint = ApiEndpoint.parse(args.text(API));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        int port = args.port(PORT, DEFAULT_PORT);
        String profile = args.text(PROFILE);
        String signingRegion = resolveRegion(endpoint, args.text(REGION), profile);
        AwsCredentialsProvider credentials = profile == null
                ? DefaultCredentialsProvider.builder().build()
                : DefaultCredentialsProvider.builder().profileName(profile).build();
        try {
            credentials.resolveCredentials();
        } catch (SdkClientException e) {
            err.println("No AWS credentials found"
                    + (profile == null ? "" : " for profile " + profile) + ": " + e.getMessage());
            return 2;
        }
        SigningForwarder forwarder = new SigningForwarder(endpoint, signingRegion, credentials, Clock.systemUTC());
        DashboardFiles page = new DashboardFiles(DashboardCommand.class.getClassLoader());
        DashboardServer server;
        try {
            server = DashboardServer.start(port, page, forwarder, System.err);
        } catch (BindException e) {
            err.println("--port " + port + " is in use on 127.0.0.1; choose another with "
                    + "--port (0 picks a free one)");
            return 2;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "dashboard-stop"));
        out.println("Dashboard: " + server.pageUrl() + "  (API " + endpoint.base()
                + ", signed for execute-api in " + signingRegion + "). Press Ctrl-C to stop.");
        out.flush();
        // Serve until the JVM is stopped (Ctrl-C); the shutdown hook closes the server.
        new CountDownLatch(1).await();
        return 0;
    }

    private static String resolveRegion(ApiEndpoint endpoint, String region, String profile) {
        if (region != null && !region.isBlank()) {
            return region.trim();
        }
        Optional<String> fromHost = endpoint.regionFromHost();
        if (fromHost.isPresent()) {
            return fromHost.get();
        }
        try {
            DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
            if (profile != null) {
                chain.profileName(profile);
            }
            return chain.build().getRegion().id();
        } catch (SdkClientException e) {
            throw new UsageException("--region: the API host " + endpoint.base().getHost()
                    + " does not name a region and none is configured; pass --region", e);
        }
    }
}
