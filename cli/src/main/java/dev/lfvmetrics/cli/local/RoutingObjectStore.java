package dev.lfvmetrics.cli.local;

import dev.lfvmetrics.functions.artifacts.ObjectStore;
import dev.lfvmetrics.functions.artifacts.S3Uri;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Sends the details bucket to one S3 endpoint and every other bucket to another: the local mode reads the user's
 * artifacts folder but keeps what it writes in its state folder (or at the given endpoint).
 */
final class RoutingObjectStore implements ObjectStore {

    private final String detailsBucket;
    private final ObjectStore details;
    private final ObjectStore artifacts;

    RoutingObjectStore(String detailsBucket, ObjectStore details, ObjectStore artifacts) {
        this.detailsBucket = detailsBucket;
        this.details = details;
        this.artifacts = artifacts;
    }

    private ObjectStore route(String bucket) {
        return detailsBucket.equals(bucket) ? details : artifacts;
    }

    @Override
    public InputStream open(S3Uri location) {
        return route(location.bucket()).open(location);
    }

    @Override
    public InputStream open(S3Uri location, long fromByte) {
        return route(location.bucket()).open(location, fromByte);
    }

    @Override
    public boolean exists(S3Uri location) {
        return route(location.bucket()).exists(location);
    }

    @Override
    public void put(S3Uri location, byte[] content, String contentType) {
        route(location.bucket()).put(location, content, contentType);
    }

    @Override
    public void put(S3Uri location, Path file, String contentType) {
        route(location.bucket()).put(location, file, contentType);
    }

    @Override
    public List<S3Uri> list(String bucket, String prefix) {
        return route(bucket).list(bucket, prefix);
    }

    @Override
    public List<S3Uri> listAll(String bucket, String prefix) {
        return route(bucket).listAll(bucket, prefix);
    }
}
