package dev.lfvmetrics.core.manifest;

import dev.lfvmetrics.core.error.InvalidInputException;
import dev.lfvmetrics.core.evaluate.ImageSink;
import dev.lfvmetrics.core.format.Formats;
import dev.lfvmetrics.core.format.ManifestLineParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads an evaluation manifest (JSON Lines) in one streaming pass into an {@link Accumulator}. Lines are cut out of
 * a byte buffer and handed to a reused {@link ManifestLineParser}; nothing per image is kept beyond the primitive
 * score arrays. Tolerates a UTF-8 byte order mark, CRLF line ends and blank lines (which still count for line
 * numbers).
 *
 * <p>A file read without an {@link ImageSink} is split at a line boundary near its middle and its two halves are read
 * on two threads; their accumulators merge into exactly what one pass gives (the per-image sink needs file order,
 * so with a sink the file is read on one thread).
 */
public final class ManifestReader {

    /** Files below this size are read on one thread: a second thread would not pay for itself. */
    static final long PARALLEL_THRESHOLD = 4L << 20;

    private static final int BUFFER = 1 << 16;

    private final int maxMisclassified;
    private final boolean parallel;

    /**
     * Creates a reader.
     *
     * @param maxMisclassified how many misclassified images to keep
     */
    public ManifestReader(int maxMisclassified) {
        this(maxMisclassified, Runtime.getRuntime().availableProcessors() > 1);
    }

    /**
     * Creates a reader, choosing whether large files may be read on two threads.
     *
     * @param maxMisclassified how many misclassified images to keep
     * @param parallel         whether to split large files
     */
    public ManifestReader(int maxMisclassified, boolean parallel) {
        this.maxMisclassified = maxMisclassified;
        this.parallel = parallel;
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
            if (sink == null && parallel && size >= PARALLEL_THRESHOLD) {
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
            return requireImages(readRange(in, source, sink, true), source);
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
        long split = findSplit(file, size);
        if (split <= 0 || split >= size) {
            try (InputStream in = Formats.open(file)) {
                return readRange(in, source, null, true);
            }
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        FutureTask<Accumulator> second = new FutureTask<>(() -> {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                return readRange(new ChannelRangeStream(ch, split, size, cancelled), source, null, false);
            }
        });
        Thread worker = new Thread(second, "manifest-reader-2");
        worker.setDaemon(true);
        worker.start();
        Accumulator first;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            first = readRange(new ChannelRangeStream(ch, 0, split, null), source, null, true);
        } catch (InvalidInputException | IOException | UncheckedIOException e) {
            // The first range's error is the earlier one in the file: report it and let the other thread stop early.
            cancelled.set(true);
            throw e;
        }
        Accumulator later;
        try {
            later = second.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidInputException(source, 0, "interrupted while reading", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InvalidInputException bad) {
                throw bad.shiftedBy(first.lines());
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("manifest reader thread failed", cause);
        }
        first.merge(later);
        return first;
    }

    /** The offset just after the first line end at or after the middle of the file, or -1 when there is none. */
    private static long findSplit(Path file, long size) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(BUFFER);
            long pos = size / 2;
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
    }

    private Accumulator readRange(InputStream in, String source, ImageSink sink, boolean atFileStart)
            throws IOException {
        Accumulator acc = new Accumulator(maxMisclassified);
        ManifestLineParser parser = new ManifestLineParser(true);
        parser.setCaptureIdentity(true);
        byte[] buf = new byte[BUFFER];
        int start = 0;
        int end = 0;
        int scan = 0;
        long lineNumber = 0;
        boolean first = atFileStart;
        boolean eof = false;
        while (true) {
            int nl = -1;
            for (int i = scan; i < end; i++) {
                if (buf[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            if (nl >= 0) {
                lineNumber++;
                handleLine(buf, start, nl, first, parser, acc, source, lineNumber, sink);
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
        return acc;
    }

    private static void handleLine(byte[] buf, int from, int to, boolean fileStart, ManifestLineParser parser,
                                   Accumulator acc, String source, long lineNumber, ImageSink sink) {
        int s = from;
        int e = to;
        if (fileStart && e - s >= 3
                && buf[s] == (byte) 0xEF && buf[s + 1] == (byte) 0xBB && buf[s + 2] == (byte) 0xBF) {
            s += 3;
        }
        while (e > s && isBlank(buf[e - 1])) {
            e--;
        }
        while (s < e && isBlank(buf[s])) {
            s++;
        }
        if (s == e) {
            return;
        }
        parser.setCaptureIdentity(acc.wantsIdentity());
        parser.parse(buf, s, e - s, source, lineNumber);
        acc.add(parser, lineNumber, sink);
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r';
    }

    /**
     * An input stream over one byte range of a file channel, read with positional reads; it ends early once
     * {@code cancelled} is set, so an abandoned range stops reading at its next buffer refill.
     */
    private static final class ChannelRangeStream extends InputStream {
        private final FileChannel channel;
        private long position;
        private final long end;
        private final AtomicBoolean cancelled;

        ChannelRangeStream(FileChannel channel, long start, long end, AtomicBoolean cancelled) {
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
            if (position >= end || cancelled != null && cancelled.get()) {
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
