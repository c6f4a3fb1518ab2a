package dev.lfvmetrics.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One in-process run of the command line, with what it printed, for the CLI's tests.
 *
 * @param status exit status
 * @param out    standard output
 * @param err    standard error
 */
public record CliRun(int status, String out, String err) {

    /**
     * Runs {@code lfv-metrics} with the given arguments.
     *
     * @param args command-line arguments
     * @return the run
     */
    public static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * The repository's root: the first folder above the working directory that holds {@code events/artifacts}.
     *
     * @return the root
     */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("events/artifacts"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("events/artifacts not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
