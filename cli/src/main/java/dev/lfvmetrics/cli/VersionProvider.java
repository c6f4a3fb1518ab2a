package dev.lfvmetrics.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version printed by {@code --version}, filtered into a resource by the build.
 */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        }
        return new String[] {"lfv-metrics " + p.getProperty("version", "unknown"),
            "Java " + System.getProperty("java.version")};
    }
}
