package dev.lfvmetrics.functions.artifacts;

/**
 * Short-lived links a browser can load an image or a mask from, so that no image bytes pass through the API
 * function: presigned S3 URLs when deployed, the local server's own file route in the local mode.
 */
@FunctionalInterface
public interface ImageLinks {

    /**
     * @param object an object the caller has checked the stack may read
     * @return a URL that GETs it for a short time
     */
    String url(S3Uri object);
}
