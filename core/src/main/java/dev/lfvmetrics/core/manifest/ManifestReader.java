package dev.lfvmetrics.core.manifest;

import dev.lfvmetrics.core.error.InvalidInputException;
import dev.lfvmetrics.core.evaluate.ImageSink;
import dev.lfvmetrics.core.format.Formats;
import dev.lfvmetrics.core.format.ManifestLineParser;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Reads an evaluation manifest (JSON Lines) in one streaming pass into an {@link Accumulator}. Lines are cut out of
 * a byte buffer and handed to a reused {@link ManifestLineParser}; nothing per image is kept beyond the primitive
 * score arrays. Tolerates a UTF-8 byte order mark, CRLF line ends and blank lines (which still count for line
 * numbers).
 *
 * <p>A large file read without an {@link ImageSink} is split at line boundaries into {@value #RANGES_PER_THREAD}
 * byte ranges per thread (one thread per processor, at most {@value #MAX_THREADS}); the threads take the ranges in
 * turn, each range read into its own accumulator. The accumulators merge in file order into exactly what one pass
 * gives, and an error carries its line number in the whole file (the per-image sink needs file order, so with a sink
 * the file is read on one thread).
 */
public final class ManifestReader {

    /** Files below this size are read on one thread: a second thread would not pay for itself. */
    static final long PARALLEL_THRESHOLD = 4L << 20;

    private static final int BUFFER = 1 << 18;

    /** At most this many threads, whatever the number of processors. */
    static final int MAX_THREADS = 8;

    /** Ranges per thread: enough for a thread slowed by other load to leave work to the others. */
    static final int RANGES_PER_THREAD = 4;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private final int maxMisclassified;
    private final int threads;

    /**
     * Creates a reader.
     *
     * @param maxMisclassified how many misclassified images to keep
     */
    public ManifestReader(int maxMisclassified) {
        this(maxMisclassified, Runtime.getRuntime().availableProcessors() > 1);
    }

    /**
     * Creates a reader, choosing whether large files may be split over the processors.
     *
     * @param maxMisclassified how many misclassified images to keep
     * @param parallel         whether to split large files (one range per processor, at most {@value #MAX_THREADS})
     */
    public ManifestReader(int maxMisclassified, boolean parallel) {
        this(maxMisclassified, parallel ? Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()) : 1);
    }

    /**
     * Creates a reader that splits large files into up to {@code threads} ranges, one thread each.
     *
     * @param maxMisclassified how many misclassified images to keep
     * @param threads          ranges (threads) for a large file read without a sink; 1 reads on the caller only
     */
    public ManifestReader(int maxMisclassified, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.maxMisclassified = maxMisclassified;
        this.threads = threads;
    }

    /**
     * Reads a manifest file.
     *
     * @param file the manifest
     * @param sink receives each image in file order, may be {@code null}
     * @return the accumulated data, with at least one image
     * @throws InvalidInputException for a missing file, a bad line or a manifest without images
     */
    public Accumulator read(Path file, ImageSink sink) {
        String source = file.toString();
        try {
            long size = Files.isRegularFile(file) ? Files.size(file) : -1;
            if (sink == null && threads > 1 && size >= PARALLEL_THRESHOLD) {
                return requireImages(readSplit(file, size, source), source);
            }
            try (InputStream in = Formats.open(file)) {
                return read(in, source, sink);
            }
        } catch (IOException e) {
            throw new InvalidInputException(source, 0, "cannot read file (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /**
     * Reads a manifest stream on the calling thread.
     *
     * @param in     the manifest; not closed
     * @param source file or URI, for messages
     * @param sink   receives each image in file order, may be {@code null}
     * @return the accumulated data, with at least one image
     * @throws InvalidInputException for a bad line or a manifest without images
     */
    public Accumulator read(InputStream in, String source, ImageSink sink) {
        try {
            return requireImages(readRange(in, source, sink, true, true, null, new ManifestLineParser(true)), source);
        } catch (IOException e) {
            throw new InvalidInputException(source, 0, "cannot read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static Accumulator requireImages(Accumulator acc, String source) {
        if (acc.images() == 0) {
            throw new InvalidInputException(source, 0, "no test images");
        }
        return acc;
    }

    private Accumulator readSplit(Path file, long size, String source) throws IOException {
        long[] bounds = splitPoints(file, size, threads * RANGES_PER_THREAD);
        int ranges = bounds.length - 1;
        if (ranges == 1) {
            try (InputStream in = Formats.open(file)) {
                return readRange(in, source, null, true, true, null, new ManifestLineParser(true));
            }
        }
        Accumulator[] results = new Accumulator[ranges];
        Exception[] errors = new Exception[ranges];
        AtomicInteger next = new AtomicInteger();
        // The lowest range that failed: ranges after it are not needed and stop at their next buffer refill.
        AtomicInteger firstFailed = new AtomicInteger(Integer.MAX_VALUE);
        // Set once the first range has the model identity: later ranges need not capture it (the first range's wins
        // the merge), which spares the JIT a capture branch that would flip back on at every range start.
        AtomicBoolean firstRangeHasIdentity = new AtomicBoolean();
        Runnable work = () -> {
            // One parser per thread, not per range: its table of recurring strings and its caches stay warm, and
            // the compiled code does not see a fresh parser's first lines again at every range.
            ManifestLineParser parser = new ManifestLineParser(true);
            int r;
            while ((r = next.getAndIncrement()) < ranges && r < firstFailed.get()) {
                int range = r;
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                    results[range] = readRange(new ChannelRangeStream(ch, bounds[range], bounds[range + 1],
                            () -> firstFailed.get() < range), source, null, range == 0,
                            range == 0 || !firstRangeHasIdentity.get(), range == 0 ? firstRangeHasIdentity : null,
                            parser);
                } catch (IOException | RuntimeException e) {
                    // Kept and rethrown below, in file order, by the calling thread.
                    errors[range] = e;
                    firstFailed.accumulateAndGet(range, Math::min);
                }
            }
        };
        // More ranges than threads, taken in turn: a thread slowed down by other load leaves its share to the others.
        List<Thread> helpers = new ArrayList<>(threads - 1);
        for (int t = 1; t < threads; t++) {
            Thread helper = new Thread(work, "manifest-reader-" + (t + 1));
            helper.setDaemon(true);
            helper.start();
            helpers.add(helper);
        }
        work.run();
        for (Thread helper : helpers) {
            try {
                helper.join();
            } catch (InterruptedException e) {
                firstFailed.set(-1);
                Thread.currentThread().interrupt();
                throw new InvalidInputException(source, 0, "interrupted while reading", e);
            }
        }
        // Ranges are folded in file order, so the earliest bad range is reported, its line numbers shifted by the
        // lines of all ranges before it (which all completed: only ranges after a failed one are abandoned).
        Accumulator total = null;
        for (int r = 0; r < ranges; r++) {
            Exception e = errors[r];
            if (e instanceof InvalidInputException bad) {
                throw total == null ? bad : bad.shiftedBy(total.lines());
            }
            if (e instanceof IOException io) {
                throw io;
            }
            if (e instanceof RuntimeException re) {
                throw re;
            }
            if (results[r] == null) {
                throw new IllegalStateException("manifest range " + r + " was not read");
            }
            if (total == null) {
                total = results[r];
            } else {
                total.merge(results[r]);
            }
        }
        return total;
    }

    /**
     * Range boundaries: 0, then just after the first line end at or after each k/n of the file, then the size;
     * duplicates (ranges without a line end) dropped.
     */
    static long[] splitPoints(Path file, long size, int parts) throws IOException {
        long[] bounds = new long[parts + 1];
        int n = 0;
        bounds[n++] = 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int k = 1; k < parts; k++) {
                long split = lineEndAfter(ch, size * k / parts, size);
                if (split > bounds[n - 1] && split < size) {
                    bounds[n++] = split;
                }
            }
        }
        bounds[n++] = size;
        return Arrays.copyOf(bounds, n);
    }

    /** The offset just after the first line end at or after {@code from}, or -1 when there is none. */
    private static long lineEndAfter(FileChannel ch, long from, long size) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(BUFFER);
        long pos = from;
        while (pos < size) {
            buf.clear();
            int n = ch.read(buf, pos);
            if (n <= 0) {
                return -1;
            }
            for (int i = 0; i < n; i++) {
                if (buf.get(i) == '\n') {
                    return pos + i + 1;
                }
            }
            pos += n;
        }
        return -1;
    }

    /**
     * Reads one range (or a whole stream).
     *
     * @param captureIdentity whether to look for the model identity at all
     * @param identityFound   set once this range has the complete identity; may be {@code null}
     * @param parser          the thread's parser
     */
    private Accumulator readRange(InputStream in, String source, ImageSink sink, boolean atFileStart,
                                  boolean captureIdentity, AtomicBoolean identityFound, ManifestLineParser parser)
            throws IOException {
        Accumulator acc = new Accumulator(maxMisclassified);
        if (!captureIdentity) {
            acc.skipIdentity();
        }
        AtomicBoolean toSignal = identityFound;
        parser.forgetIdentity();
        parser.setCaptureIdentity(captureIdentity);
        byte[] buf = new byte[BUFFER];
        int start = 0;
        int end = 0;
        int scan = 0;
        long lineNumber = 0;
        boolean first = atFileStart;
        boolean eof = false;
        while (true) {
            int nl = -1;
            if (!first && scan == start && start < end && buf[start] == '{'
                    && (eof || end - start >= ManifestLineParser.ONE_PASS_MARGIN)) {
                // The common line: fields and line end found in one pass; anything else is found, then parsed.
                parser.setCaptureIdentity(acc.wantsIdentity());
                nl = parser.parseUpToLineFeed(buf, start, end, source, lineNumber + 1);
            }
            boolean parsed = nl >= 0;
            if (!parsed) {
                nl = indexOfNewline(buf, scan, end);
            }
            if (nl >= 0) {
                lineNumber++;
                if (parsed) {
                    acc.add(parser, lineNumber, sink);
                } else {
                    handleLine(buf, start, nl, first, parser, acc, source, lineNumber, sink);
                }
                if (toSignal != null && !acc.wantsIdentity()) {
                    toSignal.set(true);
                    toSignal = null;
                }
                first = false;
                start = nl + 1;
                scan = start;
                continue;
            }
            scan = end;
            if (eof) {
                if (start < end) {
                    lineNumber++;
                    handleLine(buf, start, end, first, parser, acc, source, lineNumber, sink);
                }
                break;
            }
            if (end == buf.length) {
                if (start > 0) {
                    System.arraycopy(buf, start, buf, 0, end - start);
                    end -= start;
                    scan -= start;
                    start = 0;
                } else {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
            }
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                eof = true;
            } else {
                end += n;
            }
        }
        acc.setLines(lineNumber);
        // Sorting here, on the range's own thread, leaves the metrics only sorted runs to merge.
        acc.sortScores();
        return acc;
    }

    /** The first line feed in {@code buf[from, to)}, eight bytes at a time, or -1. */
    static int indexOfNewline(byte[] buf, int from, int to) {
        int i = from;
        while (i + Long.BYTES <= to) {
            long w = (long) LONGS.get(buf, i) ^ NEWLINES;
            // The lowest flagged byte is exactly the first zero byte of w, i.e. the first line feed.
            long zeros = (w - ONES) & ~w & HIGHS;
            if (zeros != 0) {
                return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
            i += Long.BYTES;
        }
        for (; i < to; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static void handleLine(byte[] buf, int from, int to, boolean fileStart, ManifestLineParser parser,
                                   Accumulator acc, String source, long lineNumber, ImageSink sink) {
        int s = from;
        int e = to;
        if (fileStart && e - s >= 3
                && buf[s] == (byte) 0xEF && buf[s + 1] == (byte) 0xBB && buf[s + 2] == (byte) 0xBF) {
            s += 3;
        }
        while (e > s && ManifestLineParser.isBlank(buf[e - 1])) {
            e--;
        }
        while (s < e && ManifestLineParser.isBlank(buf[s])) {
            s++;
        }
        if (s == e) {
            return;
        }
        parser.setCaptureIdentity(acc.wantsIdentity());
        parser.parse(buf, s, e - s, source, lineNumber);
        acc.add(parser, lineNumber, sink);
    }

    /**
     * An input stream over one byte range of a file channel, read with positional reads; it ends early once
     * {@code cancelled} says so, so an abandoned range stops reading at its next buffer refill.
     */
    private static final class ChannelRangeStream extends InputStream {
        private final FileChannel channel;
        private long position;
        private final long end;
        private final BooleanSupplier cancelled;

        ChannelRangeStream(FileChannel channel, long start, long end, BooleanSupplier cancelled) {
            this.channel = channel;
            this.position = start;
            this.end = end;
            this.cancelled = cancelled;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position >= end || cancelled.getAsBoolean()) {
                return -1;
            }
            int want = (int) Math.min(len, end - position);
            int n = channel.read(ByteBuffer.wrap(b, off, want), position);
            if (n > 0) {
                position += n;
            }
            return n;
        }
    }
}
