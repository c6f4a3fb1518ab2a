package dev.lfvmetrics.bench.pipeline;

import com.sun.management.OperatingSystemMXBean;
import dev.lfvmetrics.functions.ingest.IngestHandler;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Invocations of the real IngestHandler in one JVM, built by its production constructor from the environment, fed
 * one event file the way the Lambda runtime feeds a RequestStreamHandler: the first is a cold start, the others
 * what a warm execution environment pays for the same evaluation (all the work again: reading, evaluating, writing
 * the details; the model item's conditional put then finds the same content and reports DUPLICATE). Prints the
 * handler's output, then per invocation its wall and process CPU milliseconds.
 *
 * <p>Usage: {@code IngestOnce EVENT.json [INVOCATIONS]} (default 1)
 */
public final class IngestOnce {

    private IngestOnce() {
    }

    public static void main(String[] args) throws Exception {
        int invocations = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long mainAt = Phases.sinceStart();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        IngestHandler handler = new IngestHandler();
        long t1 = System.nanoTime();
        long cpu1 = os.getProcessCpuTime();
        System.out.println("init wallMs=" + (t1 - t0) / 1_000_000 + " cpuMs=" + (cpu1 - cpu0) / 1_000_000);
        long firstInvokeMs = 0;
        for (int i = 1; i <= invocations; i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long cpuStart = os.getProcessCpuTime();
            long start = System.nanoTime();
            try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
                handler.handleRequest(in, out, null);
            }
            long wall = (System.nanoTime() - start) / 1_000_000;
            long cpu = (os.getProcessCpuTime() - cpuStart) / 1_000_000;
            firstInvokeMs = i == 1 ? wall : firstInvokeMs;
            System.out.println("output " + out.toString(StandardCharsets.UTF_8));
            System.out.println("invoke " + i + " " + (i == 1 ? "cold" : "warm") + " wallMs=" + wall + " cpuMs=" + cpu);
        }
        System.out.println("phases jvmToMainMs=" + mainAt + " initMs=" + (t1 - t0) / 1_000_000
                + " invokeMs=" + firstInvokeMs + " jvmToResponseMs=" + Phases.sinceStart()
                + " peakHeapMiB=" + Phases.mib(Phases.peakHeapMib())
                + " maxHeapMiB=" + Phases.mib(Runtime.getRuntime().maxMemory() / 1048576.0));
    }
}
