package dev.lfvmetrics.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version printed by {@code --version}, filtered into a resource by the build.
 */
final class Version {

    private Version() {
    }

    /**
     * @return two lines: lfv-metrics' version and the Java it runs on
     */
    static String text() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading version.properties failed", e);
        }
        return "lfv-metrics " + p.getProperty("version", "unknown") + System.lineSeparator() + "Java "
                + System.getProperty("java.version");
    }
}
