package dev.lfvmetrics.core;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Test fixtures: files under src/test/resources and the bundled sample artifacts under events/. */
public final class Fixtures {

    private Fixtures() {
    }

    /**
     * A test resource as a path.
     *
     * @param name resource name without the leading slash
     * @return its path
     */
    public static Path resource(String name) {
        URL url = Fixtures.class.getResource("/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * A bundled sample artifact (events/artifacts/lfv-samples/...), found from the module directory.
     *
     * @param project project folder, e.g. circuit-board
     * @param file    file name in its output folder
     * @return its path
     */
    public static Path sample(String project, String file) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !dir.resolve("events").toFile().isDirectory()) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("events/ not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("events/artifacts/lfv-samples").resolve(project).resolve("output").resolve(file);
    }
}
