package dev.lfvmetrics.cli.local;

import dev.lfvmetrics.functions.artifacts.ImageLinks;
import dev.lfvmetrics.functions.artifacts.S3Uri;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The local mode's image links: {@code s3://BUCKET/KEY} is served by the local server itself at
 * {@code /files/BUCKET/KEY} from the artifacts folder ({@link LocalApiServer}), same origin as the page.
 */
final class LocalFileLinks implements ImageLinks {

    /** The local server's route of artifact files. */
    static final String ROUTE = "/files/";

    @Override
    public String url(S3Uri object) {
        return ROUTE + segment(object.bucket()) + "/" + Arrays.stream(object.key().split("/", -1))
                .map(LocalFileLinks::segment).collect(Collectors.joining("/"));
    }

    private static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
