package dev.lfvmetrics.functions.artifacts;

/**
 * An object's address in S3.
 *
 * @param bucket bucket name
 * @param key    object key
 */
public record S3Uri(String bucket, String key) {

    public S3Uri {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("S3 location has no bucket");
        }
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("S3 location s3://" + bucket + "/ has no key");
        }
    }

    /**
     * @param uri text of the form {@code s3://bucket/key}
     * @return the location
     */
    public static S3Uri parse(String uri) {
        if (uri == null || !uri.startsWith("s3://")) {
            throw new IllegalArgumentException("not an s3:// URI: '" + uri + "'");
        }
        String rest = uri.substring("s3://".length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            throw new IllegalArgumentException("s3:// URI needs a bucket and a key: '" + uri + "'");
        }
        return new S3Uri(rest.substring(0, slash), rest.substring(slash + 1));
    }

    /** @return the key's folder part, with its trailing slash, empty at the bucket's root */
    public String folder() {
        int slash = key.lastIndexOf('/');
        return slash < 0 ? "" : key.substring(0, slash + 1);
    }

    /** @return the key's file name part */
    public String fileName() {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    /**
     * @param fileName a file name
     * @return the object of that name in the same folder
     */
    public S3Uri sibling(String fileName) {
        return new S3Uri(bucket, folder() + fileName);
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + key;
    }
}
