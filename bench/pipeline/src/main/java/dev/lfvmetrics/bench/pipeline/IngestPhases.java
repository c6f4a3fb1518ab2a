package dev.lfvmetrics.bench.pipeline;

import dev.lfvmetrics.core.evaluate.EvaluationOptions;
import dev.lfvmetrics.core.evaluate.Evaluator;
import dev.lfvmetrics.functions.artifacts.ObjectStore;
import dev.lfvmetrics.functions.artifacts.S3Uri;
import dev.lfvmetrics.functions.config.Wiring;
import dev.lfvmetrics.functions.ingest.IngestHandler;
import dev.lfvmetrics.functions.ingest.IngestService;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The ingest of IngestOnce, wired as the production constructor wires it (same adapters, same service), except that
 * the object store is wrapped to time its calls: how much of one invocation is S3 (opening and reading the artifacts,
 * HEADs, uploading the details) and how much is the rest (evaluation, JSON, the DynamoDB writes). Main-thread CPU
 * time and wall time per kind.
 *
 * <p>Usage: {@code IngestPhases EVENT.json}
 */
public final class IngestPhases {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private IngestPhases() {
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Wiring wiring = Wiring.fromEnvironment();
        TimedStore objects = new TimedStore(wiring.objects());
        IngestService service = new IngestService(wiring.config(), objects, wiring.catalog(objects),
                wiring.sageMakerCatalog(objects), wiring.store(),
                new Evaluator(EvaluationOptions.defaults()), Clock.systemUTC());
        IngestHandler handler = new IngestHandler(service);
        long t1 = System.nanoTime();
        long cpu1 = THREADS.getCurrentThreadCpuTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            handler.handleRequest(in, out, null);
        }
        long t2 = System.nanoTime();
        long cpu2 = THREADS.getCurrentThreadCpuTime();
        System.out.println("output " + out.toString(StandardCharsets.UTF_8));
        long invokeWall = (t2 - t1) / 1_000_000;
        long invokeCpu = (cpu2 - cpu1) / 1_000_000;
        System.out.println("phases initMs=" + (t1 - t0) / 1_000_000 + " invokeMs=" + invokeWall + " invokeCpuMs="
                + invokeCpu);
        System.out.println("s3 read (open + stream reads): " + objects.read);
        System.out.println("s3 exists (HEAD):              " + objects.head);
        System.out.println("s3 put (details upload):       " + objects.put);
        long restWall = invokeWall - objects.read.wallMs() - objects.head.wallMs() - objects.put.wallMs();
        long restCpu = invokeCpu - objects.read.cpuMs() - objects.head.cpuMs() - objects.put.cpuMs();
        System.out.println("everything else (evaluation, per-image JSON, summary, DynamoDB): " + restWall
                + " ms wall, " + restCpu + " ms CPU");
    }

    /** Wall and main-thread CPU time of one kind of call. */
    static final class Timer {
        private long wall;
        private long cpu;
        private int calls;

        long start() {
            return System.nanoTime();
        }

        void stop(long startNanos, long startCpu) {
            wall += System.nanoTime() - startNanos;
            cpu += THREADS.getCurrentThreadCpuTime() - startCpu;
            calls++;
        }

        long wallMs() {
            return wall / 1_000_000;
        }

        long cpuMs() {
            return cpu / 1_000_000;
        }

        @Override
        public String toString() {
            return calls + " calls, " + wallMs() + " ms wall, " + cpuMs() + " ms CPU";
        }
    }

    /** Delegates to the real S3 store, timing each call; reads of opened streams count as reads. */
    static final class TimedStore implements ObjectStore {
        final Timer read = new Timer();
        final Timer head = new Timer();
        final Timer put = new Timer();
        private final ObjectStore delegate;

        TimedStore(ObjectStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public InputStream open(S3Uri location) {
            long w = read.start();
            long c = THREADS.getCurrentThreadCpuTime();
            InputStream in = delegate.open(location);
            read.stop(w, c);
            return new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    long w = read.start();
                    long c = THREADS.getCurrentThreadCpuTime();
                    int b = super.read();
                    read.stop(w, c);
                    return b;
                }

                @Override
                public int read(byte[] buffer, int off, int len) throws IOException {
                    long w = read.start();
                    long c = THREADS.getCurrentThreadCpuTime();
                    int n = super.read(buffer, off, len);
                    read.stop(w, c);
                    return n;
                }
            };
        }

        @Override
        public boolean exists(S3Uri location) {
            long w = head.start();
            long c = THREADS.getCurrentThreadCpuTime();
            try {
                return delegate.exists(location);
            } finally {
                head.stop(w, c);
            }
        }

        @Override
        public void put(S3Uri location, byte[] content, String contentType) {
            long w = put.start();
            long c = THREADS.getCurrentThreadCpuTime();
            try {
                delegate.put(location, content, contentType);
            } finally {
                put.stop(w, c);
            }
        }

        @Override
        public void put(S3Uri location, Path file, String contentType) {
            long w = put.start();
            long c = THREADS.getCurrentThreadCpuTime();
            try {
                delegate.put(location, file, contentType);
            } finally {
                put.stop(w, c);
            }
        }

        @Override
        public List<S3Uri> list(String bucket, String prefix) {
            return delegate.list(bucket, prefix);
        }

        @Override
        public List<S3Uri> listAll(String bucket, String prefix) {
            return delegate.listAll(bucket, prefix);
        }
    }
}
