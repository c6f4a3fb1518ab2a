package dev.lfvmetrics.cli.dashboard;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Forwards one dashboard API call to the deployed, IAM-authorized query API, signed with SigV4 for
 * {@code execute-api} with the caller's credentials.
 */
public final class SigningForwarder {

    /** The SigV4 service name of API Gateway. */
    public static final String SERVICE = "execute-api";

    // java.net.http sets these itself (from the URI and the body) and refuses them as user headers.
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ApiEndpoint endpoint;
    private final String region;
    private final AwsCredentialsProvider credentials;
    private final Clock clock;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final HttpClient client;

    /**
     * A forwarder to one API.
     *
     * @param endpoint    the deployed API
     * @param region      the API's region, part of the signature's scope
     * @param credentials where the caller's credentials come from (the default chain in normal use)
     * @param clock       the signing clock
     */
    public SigningForwarder(ApiEndpoint endpoint, String region, AwsCredentialsProvider credentials, Clock clock) {
        this.endpoint = endpoint;
        this.region = region;
        this.credentials = credentials;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * The upstream's answer, passed back to the browser as is.
     *
     * @param status      HTTP status
     * @param contentType Content-Type, {@code application/json} when the upstream sent none
     * @param body        the body
     */
    public record Response(int status, String contentType, byte[] body) {
    }

    /**
     * Signs and sends one request.
     *
     * @param method      GET or PUT
     * @param rawPath     the raw path as received, such as {@code /projects/p/models/2}
     * @param rawQuery    the raw query as received, or {@code null}
     * @param contentType the request's Content-Type, or {@code null}
     * @param body        the request body, empty for none
     * @return the upstream's response
     * @throws IOException          when the API cannot be reached
     * @throws InterruptedException when interrupted while waiting
     * @throws software.amazon.awssdk.core.exception.SdkClientException when no credentials can be resolved
     */
    public Response forward(String method, String rawPath, String rawQuery, String contentType, byte[] body)
            throws IOException, InterruptedException {
        SdkHttpRequest signed = sign(method, rawPath, rawQuery, contentType, body);
        HttpRequest.Builder request = HttpRequest.newBuilder(signed.getUri())
                .timeout(TIMEOUT)
                .method(method, body.length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        signed.forEachHeader((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        String type = response.headers().firstValue("Content-Type").orElse("application/json");
        return new Response(response.statusCode(), type, response.body());
    }

    /**
     * Builds and signs the upstream request without sending it.
     *
     * @param method      HTTP method
     * @param rawPath     raw request path
     * @param rawQuery    raw query or {@code null}
     * @param contentType Content-Type or {@code null}
     * @param body        body bytes, empty for none
     * @return the signed request (headers include {@code Authorization} and {@code X-Amz-Date})
     */
    SdkHttpRequest sign(String method, String rawPath, String rawQuery, String contentType, byte[] body) {
        SdkHttpFullRequest.Builder unsigned = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.fromValue(method))
                .uri(endpoint.resolve(rawPath, rawQuery))
                .putHeader("Accept", "application/json");
        if (contentType != null && !contentType.isBlank()) {
            unsigned.putHeader("Content-Type", contentType);
        }
        AwsCredentialsIdentity identity = credentials.resolveCredentials();
        SignedRequest signed = signer.sign(r -> r
                .identity(identity)
                .request(unsigned.build())
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, SERVICE)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        return signed.request();
    }

    /**
     * The region in the signature's scope.
     *
     * @return the region
     */
    public String region() {
        return region;
    }

    /**
     * Where requests go.
     *
     * @return the endpoint
     */
    public ApiEndpoint endpoint() {
        return endpoint;
    }
}
