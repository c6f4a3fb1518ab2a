package dev.lfvmetrics.bench.pipeline;

import dev.lfvmetrics.functions.ingest.IngestHandler;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One cold invocation of the real IngestHandler, built by its production constructor from the environment, fed one
 * event file the way the Lambda runtime feeds a RequestStreamHandler. Prints the handler's output and the phases.
 *
 * <p>Usage: {@code IngestOnce EVENT.json}
 */
public final class IngestOnce {

    private IngestOnce() {
    }

    public static void main(String[] args) throws Exception {
        long mainAt = Phases.sinceStart();
        long t0 = System.nanoTime();
        IngestHandler handler = new IngestHandler();
        long t1 = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            handler.handleRequest(in, out, null);
        }
        long t2 = System.nanoTime();
        System.out.println("output " + out.toString(StandardCharsets.UTF_8));
        System.out.println("phases jvmToMainMs=" + mainAt + " initMs=" + (t1 - t0) / 1_000_000
                + " invokeMs=" + (t2 - t1) / 1_000_000 + " jvmToResponseMs=" + Phases.sinceStart()
                + " peakHeapMiB=" + Phases.mib(Phases.peakHeapMib())
                + " maxHeapMiB=" + Phases.mib(Runtime.getRuntime().maxMemory() / 1048576.0));
    }
}
