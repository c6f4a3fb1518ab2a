package dev.lfvmetrics.functions.artifacts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** Reads artifacts and writes details: the few object-storage operations the pipeline needs. */
public interface ObjectStore {

    /**
     * Opens an object for streaming.
     *
     * @param location the object
     * @return its content; the caller closes it
     * @throws ObjectNotFoundException when there is no such object
     */
    InputStream open(S3Uri location);

    /**
     * Opens an object from a byte offset on, for paging through large files without reading what came before.
     * This default reads and discards the bytes before the offset; an adapter that can ask for a byte range should.
     *
     * @param location the object
     * @param fromByte the first byte to read, 0 for the whole object
     * @return its content from that byte; the caller closes it
     * @throws ObjectNotFoundException when there is no such object
     */
    default InputStream open(S3Uri location, long fromByte) {
        InputStream in = open(location);
        try {
            in.skipNBytes(fromByte);
            return in;
        } catch (IOException e) {
            try {
                in.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new UncheckedIOException("skipping to byte " + fromByte + " of " + location + " failed", e);
        }
    }

    /**
     * @param location the object
     * @return true when it exists
     */
    boolean exists(S3Uri location);

    /**
     * @param location    where
     * @param content     the bytes
     * @param contentType MIME type
     */
    void put(S3Uri location, byte[] content, String contentType);

    /**
     * @param location    where
     * @param file        a local file to upload
     * @param contentType MIME type
     */
    void put(S3Uri location, Path file, String contentType);

    /**
     * Lists one folder, without descending into sub-folders.
     *
     * @param bucket bucket
     * @param prefix folder prefix ending in '/', or empty for the root
     * @return the objects directly in it
     */
    List<S3Uri> list(String bucket, String prefix);

    /**
     * Lists every object under a prefix, at any depth (a batch transform's output folder).
     *
     * @param bucket bucket
     * @param prefix key prefix, empty for the whole bucket
     * @return the objects under it
     */
    List<S3Uri> listAll(String bucket, String prefix);
}
