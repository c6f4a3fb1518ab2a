package dev.lfvmetrics.core.manifest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * A fingerprint of a test set, the multiset of (source-ref, true class), independent of line order: each image's
 * 128-bit MurmurHash3 (x64, seed 0) of {@code UTF-8(source-ref) + "\n" + ("anomaly" | "normal")}, its two halves
 * summed over the images modulo 2^64. Two evaluations of the same images with the same classes have the same
 * fingerprint in any order and in any split of the file; it tells apart test sets, not adversaries (it is not a
 * cryptographic digest). Constant memory: nothing per image is kept.
 */
public final class TestSetFingerprint {

    /** Prefix naming the method, so a later change of method cannot be mistaken for a different test set. */
    public static final String METHOD = "mm3x128-sum:";

    private static final byte[] ANOMALY = "\nanomaly".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NORMAL = "\nnormal".getBytes(StandardCharsets.US_ASCII);

    private byte[] buffer = new byte[256];
    private long high;
    private long low;

    /**
     * Adds one image.
     *
     * @param sourceRef chars of the source-ref (read, not kept)
     * @param length    how many of them
     * @param anomalous its true class
     */
    public void add(char[] sourceRef, int length, boolean anomalous) {
        byte[] suffix = anomalous ? ANOMALY : NORMAL;
        hash(encode(sourceRef, length, suffix.length), suffix);
    }

    /**
     * Adds one image whose source-ref is ASCII bytes (its UTF-8 as it stands).
     *
     * @param bytes     a buffer holding the source-ref (read, not kept)
     * @param from      where it starts
     * @param length    how many bytes
     * @param anomalous its true class
     */
    public void add(byte[] bytes, int from, int length, boolean anomalous) {
        byte[] suffix = anomalous ? ANOMALY : NORMAL;
        ensure(length + suffix.length);
        System.arraycopy(bytes, from, buffer, 0, length);
        hash(length, suffix);
    }

    /** Hashes the source-ref's {@code size} bytes already in the buffer, followed by the class suffix. */
    private void hash(int size, byte[] suffix) {
        System.arraycopy(suffix, 0, buffer, size, suffix.length);
        long[] h = MurmurHash3.hash128x64(buffer, 0, size + suffix.length, 0);
        high += h[0];
        low += h[1];
    }

    /** UTF-8 into the buffer, leaving room for the suffix; ASCII without a detour through String. */
    private int encode(char[] chars, int length, int room) {
        for (int i = 0; i < length; i++) {
            if (chars[i] >= 0x80) {
                byte[] utf8 = new String(chars, 0, length).getBytes(StandardCharsets.UTF_8);
                ensure(utf8.length + room);
                System.arraycopy(utf8, 0, buffer, 0, utf8.length);
                return utf8.length;
            }
        }
        ensure(length + room);
        for (int i = 0; i < length; i++) {
            buffer[i] = (byte) chars[i];
        }
        return length;
    }

    private void ensure(int size) {
        if (buffer.length < size) {
            buffer = Arrays.copyOf(buffer, Math.max(size, buffer.length * 2));
        }
    }

    /**
     * Folds in another part of the same test set.
     *
     * @param other the other part
     */
    public void merge(TestSetFingerprint other) {
        high += other.high;
        low += other.low;
    }

    /**
     * The fingerprint.
     *
     * @return {@link #METHOD} and 32 hex digits
     */
    public String value() {
        return METHOD + String.format(Locale.ROOT, "%016x%016x", high, low);
    }
}
