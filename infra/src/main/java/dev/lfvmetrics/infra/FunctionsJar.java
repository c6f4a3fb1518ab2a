package dev.lfvmetrics.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the shaded functions jar, the code of every Lambda function. {@code cdk synth} runs from the repository
 * root (cdk.json) while the tests run from {@code infra/}, so a relative path is tried against the working
 * directory and then against the repository root (the nearest ancestor holding cdk.json, or the reactor pom beside
 * {@code functions/}).
 */
public final class FunctionsJar {

    static final String PARAMETER = "functionsJar";

    /** Where the reactor build puts the jar, relative to the repository root. */
    public static final String DEFAULT_PATH = "functions/target/lfv-metrics-functions.jar";

    private FunctionsJar() {
    }

    /**
     * @param contextValue the {@code functionsJar} context value, or null for the default location
     * @param workingDirectory the directory relative paths start from
     * @return the absolute path of an existing, readable jar
     * @throws InvalidContextException naming every path tried when none holds the jar
     */
    public static Path resolve(String contextValue, Path workingDirectory) {
        String given = contextValue == null || contextValue.isBlank() ? DEFAULT_PATH : contextValue.trim();
        if (!given.endsWith(".jar") && !given.endsWith(".zip")) {
            // Lambda takes a file asset as-is only when it is an archive; anything else would deploy garbage.
            throw new InvalidContextException(PARAMETER, "'" + given + "' is not a .jar or .zip file");
        }
        Path cwd = workingDirectory.toAbsolutePath().normalize();
        Set<Path> candidates = new LinkedHashSet<>();
        Path path = Path.of(given);
        if (path.isAbsolute()) {
            candidates.add(path.normalize());
        } else {
            candidates.add(cwd.resolve(path).normalize());
            Path root = repositoryRoot(cwd);
            if (root != null) {
                candidates.add(root.resolve(path).normalize());
            }
        }
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate) && Files.isReadable(candidate)) {
                return candidate;
            }
        }
        List<String> tried = new ArrayList<>();
        candidates.forEach(c -> tried.add(c.toString()));
        throw new InvalidContextException(PARAMETER, "the functions jar '" + given + "' was not found (tried "
                + String.join(", ", tried) + "). Build it first with `mvn -B -DskipTests package` at the"
                + " repository root, or pass its path with -c functionsJar=PATH");
    }

    private static Path repositoryRoot(Path from) {
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            boolean cdkApp = Files.isRegularFile(dir.resolve("cdk.json"));
            boolean reactor = Files.isRegularFile(dir.resolve("pom.xml"))
                    && Files.isDirectory(dir.resolve("functions"));
            if (cdkApp || reactor) {
                return dir;
            }
        }
        return null;
    }
}
