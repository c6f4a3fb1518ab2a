package dev.lfvmetrics.core.masks;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where mask PNGs are read from: a folder laid out as {@code DIR/BUCKET/KEY} (the CLI, {@link FolderMasks}) or S3
 * with the pipeline's bucket allow-list. Implementations must be safe to call from several threads.
 */
public interface MaskSource {

    /**
     * @param ref the manifest's reference, {@code s3://BUCKET/KEY} or a path relative to the manifest
     * @return the file's bytes; the caller closes the stream
     * @throws MissingMaskException when there is no such file
     * @throws IOException          when it exists but cannot be read
     */
    InputStream open(String ref) throws IOException;

    /** A reference that names no file: reported as "no such file" with the line. */
    final class MissingMaskException extends IOException {

        private static final long serialVersionUID = 1L;

        /**
         * @param where what was looked for, e.g. the resolved path or s3:// URI
         */
        public MissingMaskException(String where) {
            super(where);
        }
    }
}
