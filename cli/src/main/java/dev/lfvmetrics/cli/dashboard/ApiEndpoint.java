package dev.lfvmetrics.cli.dashboard;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deployed query API the dashboard forwards to: an absolute http(s) URL, optionally with a base path (a stage
 * name), without query or fragment.
 *
 * @param base the URL with no trailing slash, such as {@code https://abc123.execute-api.eu-west-1.amazonaws.com}
 */
public record ApiEndpoint(URI base) {

    // https://{api-id}.execute-api.{region}.amazonaws.com[.cn]
    private static final Pattern EXECUTE_API_HOST =
            Pattern.compile("^[a-z0-9]+\\.execute-api\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?$");

    /**
     * Checks and normalises the {@code --api} value.
     *
     * @param text the URL as given
     * @return the endpoint
     * @throws IllegalArgumentException naming the value and what is wrong with it
     */
    public static ApiEndpoint parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("--api: the API URL is empty");
        }
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--api: '" + text + "' is not a URL (" + e.getReason() + ")", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("--api: '" + text + "' must start with https:// (or http://)");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("--api: '" + text + "' has no host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("--api: '" + text + "' must not have a query or a fragment");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        return new ApiEndpoint(URI.create(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port + path));
    }

    /**
     * The region named in an {@code execute-api} host name, if the host is one.
     *
     * @return the region, or empty for other hosts (custom domains, local servers)
     */
    public Optional<String> regionFromHost() {
        Matcher matcher = EXECUTE_API_HOST.matcher(base.getHost());
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /**
     * The upstream URI for a request path and raw query received by the local server.
     *
     * @param rawPath  the request's raw (still percent-encoded) path, starting with {@code /}
     * @param rawQuery the raw query, or {@code null}
     * @return the URI to call
     */
    public URI resolve(String rawPath, String rawQuery) {
        return URI.create(base + rawPath + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery));
    }
}
