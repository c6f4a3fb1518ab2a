package dev.lfvmetrics.functions.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The dashboard's static files, read from the classpath folder {@code dashboard/} (shipped in the functions jar),
 * never anything outside it. The API function and the {@code lfv-metrics dashboard} proxy both serve them.
 */
public final class DashboardFiles {

    /** Classpath folder holding the page. */
    public static final String FOLDER = "dashboard/";

    // Plain relative names only: no "..", no leading slash, no backslash, so nothing outside the folder is reachable.
    private static final Pattern SAFE_NAME = Pattern.compile("^[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\\.[A-Za-z0-9]+$");

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "json", "application/json",
            "ico", "image/x-icon",
            "txt", "text/plain; charset=utf-8");

    private final ClassLoader loader;

    /**
     * A page read through the given class loader.
     *
     * @param loader where {@code dashboard/} is found
     */
    public DashboardFiles(ClassLoader loader) {
        this.loader = loader;
    }

    /**
     * One file of the page.
     *
     * @param contentType the Content-Type to send
     * @param body        the bytes
     */
    public record File(String contentType, byte[] body) {
    }

    /**
     * Looks a file up.
     *
     * @param name the path below {@code /ui/}; empty means {@code index.html}
     * @return the file, or empty when the name is unsafe, of an unknown type, or absent
     */
    public Optional<File> find(String name) {
        String file = name == null || name.isEmpty() ? "index.html" : name;
        if (!SAFE_NAME.matcher(file).matches()) {
            return Optional.empty();
        }
        String extension = file.substring(file.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String type = TYPES.get(extension);
        if (type == null) {
            return Optional.empty();
        }
        try (InputStream in = loader.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new File(type, in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the dashboard file " + FOLDER + file, e);
        }
    }
}
