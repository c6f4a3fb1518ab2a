package dev.lfvmetrics.functions.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The dashboard page: files from the class path folder {@code dashboard/}, never anything outside it. */
final class StaticFiles {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "mjs", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "json", "application/json; charset=utf-8",
            "png", "image/png",
            "ico", "image/x-icon",
            "txt", "text/plain; charset=utf-8");

    private StaticFiles() {
    }

    static ApiResponse serve(String relative) {
        String path = relative.isEmpty() ? "index.html" : relative;
        for (String segment : path.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.contains("..")) {
                throw ApiException.notFound("no such file: /ui/" + relative);
            }
        }
        String extension = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)
                : "";
        String type = TYPES.get(extension);
        if (type == null) {
            throw ApiException.notFound("no such file: /ui/" + relative);
        }
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream("dashboard/" + path)) {
            if (in == null) {
                throw ApiException.notFound("no such file: /ui/" + relative);
            }
            return new ApiResponse(200, type, in.readAllBytes(), Map.of("Cache-Control", "no-cache"));
        } catch (IOException e) {
            throw new UncheckedIOException("reading dashboard/" + path + " failed", e);
        }
    }
}
