package dev.lfvmetrics.core.evaluate;

import dev.lfvmetrics.core.summary.ImageResult;

/**
 * Receives every image's outcome, in file order, while the manifest is read, so a caller can stream per-image
 * results somewhere (e.g. to S3) without the engine holding them.
 */
@FunctionalInterface
public interface ImageSink {

    /**
     * Takes one image's outcome.
     *
     * @param result the outcome
     */
    void accept(ImageResult result);
}
