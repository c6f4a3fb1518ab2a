package dev.lfvmetrics.functions.artifacts;

import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Presigned GET URLs, signed with the function's own credentials: they open only what its role may read.
 *
 * @param presigner gives the presigner, built once, when the first link is made
 * @param lifetime  how long a URL works
 */
public record PresignedImageLinks(Supplier<S3Presigner> presigner, Duration lifetime) implements ImageLinks {

    /** How long a link works: long enough to open a page of thumbnails and look at them. */
    public static final Duration LIFETIME = Duration.ofMinutes(15);

    @Override
    public String url(S3Uri object) {
        return presigner.get().presignGetObject(b -> b.signatureDuration(lifetime)
                .getObjectRequest(r -> r.bucket(object.bucket()).key(object.key()))).url().toString();
    }
}
