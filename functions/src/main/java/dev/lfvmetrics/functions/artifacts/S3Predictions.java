package dev.lfvmetrics.functions.artifacts;

import dev.lfvmetrics.core.predictions.PredictionSource;
import java.io.InputStream;
import java.util.List;

/** A batch transform's {@code .out} files under an S3 prefix ({@code TransformOutput.S3OutputPath}). */
public final class S3Predictions implements PredictionSource {

    private final ObjectStore objects;
    private final String bucket;
    private final String prefix;

    /**
     * @param objects the object store
     * @param prefix  the output prefix, {@code s3://bucket/prefix}; a trailing '/' is added when missing
     */
    public S3Predictions(ObjectStore objects, S3Uri prefix) {
        this.objects = objects;
        this.bucket = prefix.bucket();
        this.prefix = prefix.key().isEmpty() || prefix.key().endsWith("/") ? prefix.key() : prefix.key() + "/";
    }

    @Override
    public String location() {
        return "s3://" + bucket + "/" + prefix;
    }

    @Override
    public List<String> keys() {
        return objects.listAll(bucket, prefix).stream()
                .map(S3Uri::key)
                .filter(k -> k.endsWith(SUFFIX))
                .map(k -> k.substring(prefix.length()))
                .sorted()
                .toList();
    }

    @Override
    public InputStream open(String key) {
        return objects.open(new S3Uri(bucket, prefix + key));
    }
}
