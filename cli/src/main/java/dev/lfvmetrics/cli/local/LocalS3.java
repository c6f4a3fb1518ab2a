package dev.lfvmetrics.cli.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * An S3 endpoint on loopback whose buckets are the sub-folders of one local folder ({@code DIR/BUCKET/KEY}), served
 * in-process by S3Proxy, so the local mode reaches its files through the real S3 adapter and the real SDK client.
 */
public final class LocalS3 implements AutoCloseable {

    /** Access key the local clients sign with; S3Proxy checks the signature, as S3 would. */
    public static final String ACCESS_KEY = "local";
    /** Secret key of {@link #ACCESS_KEY}. */
    public static final String SECRET_KEY = "local-secret";

    private final S3Proxy proxy;
    private final URI endpoint;

    private LocalS3(S3Proxy proxy) {
        this.proxy = proxy;
        this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /**
     * Starts S3Proxy on a free loopback port over the given folder.
     *
     * @param root the folder whose sub-folders are the buckets
     * @return the running endpoint
     */
    public static LocalS3 start(Path root) {
        try {
            Files.createDirectories(root);
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(new FilesystemNio2BlobStore(root.toAbsolutePath().normalize().toString()))
                    .endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                    .build();
            proxy.start();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("S3Proxy did not start within 30 s over " + root);
                }
                Thread.sleep(10);
            }
            return new LocalS3(proxy);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use " + root + " as local S3 storage", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting S3Proxy", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // S3Proxy.start() declares Exception; Jetty's failures to bind land here.
            throw new IllegalStateException("S3Proxy did not start over " + root, e);
        }
    }

    /** @return the endpoint URL */
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not stop cleanly", e);
        }
    }
}
