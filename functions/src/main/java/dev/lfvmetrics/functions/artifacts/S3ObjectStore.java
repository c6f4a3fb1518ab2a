package dev.lfvmetrics.functions.artifacts;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The object store on S3. Access errors and throttling surface as the SDK's exceptions. */
public final class S3ObjectStore implements ObjectStore {

    private final Supplier<S3Client> client;

    /**
     * @param s3 the client
     */
    public S3ObjectStore(S3Client s3) {
        this(() -> s3);
    }

    /**
     * @param client gives the client, built once, when the first object is read or written
     */
    public S3ObjectStore(Supplier<S3Client> client) {
        this.client = client;
    }

    @Override
    public InputStream open(S3Uri location) {
        try {
            return s3().getObject(b -> b.bucket(location.bucket()).key(location.key()));
        } catch (NoSuchKeyException e) {
            throw new ObjectNotFoundException(location, e);
        }
    }

    @Override
    public InputStream open(S3Uri location, long fromByte) {
        if (fromByte == 0) {
            return open(location);
        }
        try {
            return s3().getObject(b -> b.bucket(location.bucket()).key(location.key())
                    .range("bytes=" + fromByte + "-"));
        } catch (NoSuchKeyException e) {
            throw new ObjectNotFoundException(location, e);
        } catch (S3Exception e) {
            // 416: the offset is at or past the end, so there is nothing more to read.
            if (e.statusCode() == 416) {
                return InputStream.nullInputStream();
            }
            throw e;
        }
    }

    @Override
    public boolean exists(S3Uri location) {
        try {
            s3().headObject(b -> b.bucket(location.bucket()).key(location.key()));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            // HEAD has no body, so a missing key arrives as a bare 404.
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void put(S3Uri location, byte[] content, String contentType) {
        s3().putObject(b -> b.bucket(location.bucket()).key(location.key()).contentType(contentType),
                RequestBody.fromBytes(content));
    }

    @Override
    public void put(S3Uri location, Path file, String contentType) {
        s3().putObject(b -> b.bucket(location.bucket()).key(location.key()).contentType(contentType),
                RequestBody.fromFile(file));
    }

    @Override
    public List<S3Uri> list(String bucket, String prefix) {
        ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).delimiter("/")
                .build();
        return s3().listObjectsV2Paginator(request).contents().stream()
                .map(o -> new S3Uri(bucket, o.key()))
                .toList();
    }

    @Override
    public List<S3Uri> listAll(String bucket, String prefix) {
        ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build();
        return s3().listObjectsV2Paginator(request).contents().stream()
                .map(o -> new S3Uri(bucket, o.key()))
                .toList();
    }

    private S3Client s3() {
        return client.get();
    }
}
