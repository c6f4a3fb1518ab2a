package dev.lfvmetrics.functions.artifacts;

import dev.lfvmetrics.core.masks.MaskSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Set;

/**
 * Mask PNGs in S3: {@code s3://BUCKET/KEY} as it stands, a relative reference under the manifest's folder. Only
 * buckets of the allow-list are read (the artifacts' own: ARTIFACTS_BUCKETS; empty leaves it to IAM).
 *
 * @param objects  S3
 * @param manifest the manifest the references come from
 * @param allowed  the buckets that may be read, empty for any
 */
public record S3Masks(ObjectStore objects, S3Uri manifest, Set<String> allowed) implements MaskSource {

    @Override
    public InputStream open(String ref) throws IOException {
        S3Uri location = locate(ref);
        if (!allowed.isEmpty() && !allowed.contains(location.bucket())) {
            throw new IOException("bucket " + location.bucket() + " is not in ARTIFACTS_BUCKETS");
        }
        try {
            return objects.open(location);
        } catch (ObjectNotFoundException e) {
            throw new MissingMaskException(location.toString());
        }
    }

    private S3Uri locate(String ref) throws IOException {
        try {
            return resolve(manifest, ref);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * @param manifest the manifest a reference comes from
     * @param ref      {@code s3://BUCKET/KEY}, or a key relative to the manifest's folder
     * @return the object it names
     * @throws IllegalArgumentException when it is no s3:// URI or leaves the bucket
     */
    public static S3Uri resolve(S3Uri manifest, String ref) {
        if (ref.startsWith("s3://")) {
            return S3Uri.parse(ref);
        }
        // Relative to the manifest's folder; a reference is data, so it may not climb out of the bucket.
        String key = URI.create("s3://b/" + manifest.folder()).resolve(ref.replace(" ", "%20")).getPath();
        if (key.startsWith("/")) {
            key = key.substring(1);
        }
        if (key.isEmpty() || key.startsWith("..") || key.contains("/../")) {
            throw new IllegalArgumentException("the reference leaves the bucket");
        }
        return new S3Uri(manifest.bucket(), key.replace("%20", " "));
    }
}
