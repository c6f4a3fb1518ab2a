package dev.lfvmetrics.contracts;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Links into the dashboard, whose hash routes are {@code #/p/<project>/v/<version>} and
 * {@code #/p/<project>/compare/<base>/<candidate>} (dashboard/page/app.js), each part percent-encoded as
 * JavaScript's {@code encodeURIComponent} does. The stack validates its {@code dashboardUrl} parameter with
 * {@link #parse} at synth, the functions read DASHBOARD_URL with it at start-up.
 */
public final class DashboardLinks {

    private DashboardLinks() {
    }

    /**
     * @param value the dashboard's address, e.g. {@code https://abc.execute-api.eu-west-1.amazonaws.com/ui/} or
     *              {@code http://127.0.0.1:8080/ui/}
     * @param name  the setting's name, for the message
     * @return the address, ending in {@code /}
     * @throws IllegalArgumentException naming the setting when it is not an absolute http(s) URL without query or
     *                                  fragment
     */
    public static URI parse(String value, String name) {
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name + " is not a URL: '" + value + "'", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new IllegalArgumentException(name + " must be an absolute http(s) URL such as "
                    + "https://HOST/ui/, not '" + value + "'");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(name + " must have no query or fragment (the dashboard adds its own "
                    + "#/ routes), not '" + value + "'");
        }
        return uri.toString().endsWith("/") ? uri : URI.create(uri + "/");
    }

    /**
     * @param dashboard the dashboard's address from {@link #parse}
     * @param project   project
     * @param version   model version
     * @return the version's page
     */
    public static String version(URI dashboard, String project, String version) {
        return dashboard + "#/p/" + component(project) + "/v/" + component(version);
    }

    /**
     * @param dashboard the dashboard's address from {@link #parse}
     * @param project   project
     * @param base      the base version
     * @param candidate the candidate version
     * @return the page comparing them
     */
    public static String compare(URI dashboard, String project, String base, String candidate) {
        return dashboard + "#/p/" + component(project) + "/compare/" + component(base) + "/" + component(candidate);
    }

    /** As encodeURIComponent: URLEncoder's form encoding, with spaces as %20 and its few other differences undone. */
    static String component(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%21", "!")
                .replace("%27", "'").replace("%28", "(").replace("%29", ")").replace("%7E", "~");
    }
}
