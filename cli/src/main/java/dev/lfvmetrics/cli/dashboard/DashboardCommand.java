package dev.lfvmetrics.cli.dashboard;

import dev.lfvmetrics.cli.VersionProvider;
import dev.lfvmetrics.functions.api.DashboardFiles;
import java.io.IOException;
import java.net.BindException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * {@code lfv-metrics dashboard --api URL}: serves the dashboard on localhost against a deployed, IAM-authorized
 * query API, signing the page's API calls with the caller's AWS credentials.
 */
@Command(name = "dashboard", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = DashboardCommand.DESCRIPTION)
public final class DashboardCommand implements Callable<Integer> {

    static final String DESCRIPTION = "Serves the dashboard on http://127.0.0.1:<port>/ui/ for a deployed stack. "
            + "The page's API calls are signed with SigV4 (service execute-api) using the default AWS credentials "
            + "chain (or --profile), because the deployed API is IAM-authorized.";

    @Spec
    private CommandSpec spec;

    @Option(names = "--api", required = true, paramLabel = "URL",
            description = "The deployed query API, e.g. https://abc123.execute-api.eu-west-1.amazonaws.com")
    private String api;

    @Option(names = "--port", defaultValue = "8765", paramLabel = "N",
            description = "Local port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    private int port;

    @Option(names = "--region", paramLabel = "R",
            description = "The API's region (default: from the execute-api host name, else the AWS config)")
    private String region;

    @Option(names = "--profile", paramLabel = "P", description = "AWS profile for credentials and region")
    private String profile;

    @Override
    public Integer call() throws IOException, InterruptedException {
        ApiEndpoint endpoint;
        try {
            endpoint = ApiEndpoint.parse(api);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port: " + port + " is not a port (0-65535)");
        }
        String signingRegion = resolveRegion(endpoint);
        AwsCredentialsProvider credentials = profile == null
                ? DefaultCredentialsProvider.builder().build()
                : DefaultCredentialsProvider.builder().profileName(profile).build();
        try {
            credentials.resolveCredentials();
        } catch (SdkClientException e) {
            spec.commandLine().getErr().println("No AWS credentials found"
                    + (profile == null ? "" : " for profile " + profile) + ": " + e.getMessage());
            return 2;
        }
        SigningForwarder forwarder = new SigningForwarder(endpoint, signingRegion, credentials, Clock.systemUTC());
        DashboardFiles page = new DashboardFiles(DashboardCommand.class.getClassLoader());
        DashboardServer server;
        try {
            server = DashboardServer.start(port, page, forwarder, System.err);
        } catch (BindException e) {
            spec.commandLine().getErr().println("--port " + port + " is in use on 127.0.0.1; choose another with "
                    + "--port (0 picks a free one)");
            return 2;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "dashboard-stop"));
        spec.commandLine().getOut().println("Dashboard: " + server.pageUrl() + "  (API " + endpoint.base()
                + ", signed for execute-api in " + signingRegion + "). Press Ctrl-C to stop.");
        spec.commandLine().getOut().flush();
        // Serve until the JVM is stopped (Ctrl-C); the shutdown hook closes the server.
        new CountDownLatch(1).await();
        return 0;
    }

    private String resolveRegion(ApiEndpoint endpoint) {
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
            throw new ParameterException(spec.commandLine(), "--region: the API host " + endpoint.base().getHost()
                    + " does not name a region and none is configured; pass --region", e);
        }
    }
}
