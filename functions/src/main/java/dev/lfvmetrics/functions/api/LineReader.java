package dev.lfvmetrics.functions.api;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 lines and knows the byte offset of the next one, which a {@link java.io.BufferedReader} cannot tell:
 * the images route hands that offset out as its page token.
 */
final class LineReader implements Closeable {

    private final InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(512);
    private long position;

    /**
     * @param in    the bytes, starting at {@code start}
     * @param start the offset of the first byte in the whole file
     */
    LineReader(InputStream in, long start) {
        this.in = new BufferedInputStream(in, 1 << 16);
        this.position = start;
    }

    /** @return the offset, in the whole file, of the line {@link #next()} reads next */
    long position() {
        return position;
    }

    /**
     * @return the next line without its line end (LF or CRLF), or null at the end
     * @throws IOException when reading fails
     */
    String next() throws IOException {
        line.reset();
        int b;
        while ((b = in.read()) != -1) {
            position++;
            if (b == '\n') {
                return text();
            }
            line.write(b);
        }
        return line.size() == 0 ? null : text();
    }

    private String text() {
        int length = line.size();
        byte[] bytes = line.toByteArray();
        if (length > 0 && bytes[length - 1] == '\r') {
            length--;
        }
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
