package dev.lfvmetrics.core.predictions;

import java.io.InputStream;
import java.util.List;

/**
 * Where a batch transform's {@code .out} files are: a local folder or an S3 prefix.
 */
public interface PredictionSource {

    /** The suffix batch transform gives every output object. */
    String SUFFIX = ".out";

    /** @return the folder path or {@code s3://bucket/prefix/}, for messages and the summary's sources */
    String location();

    /**
     * Every {@code .out} file under the location, at any depth.
     *
     * @return their keys relative to the location, with '/' between folders
     */
    List<String> keys();

    /**
     * @param key a key from {@link #keys()}
     * @return the file's content; the caller closes it
     */
    InputStream open(String key);

    /**
     * @param key a key from {@link #keys()}
     * @return its full path or URI, for messages
     */
    default String describe(String key) {
        String base = location();
        return base.endsWith("/") ? base + key : base + "/" + key;
    }
}
