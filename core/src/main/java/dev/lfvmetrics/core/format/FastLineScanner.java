package dev.lfvmetrics.core.format;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A hand-written scanner for the common manifest line, several times faster than Jackson's streaming parser
 * because it builds no tokens and no strings for what the metrics skip. It validates the whole line as strict
 * JSON (RFC 8259 grammar: objects, arrays, strings, numbers, literals, only space/tab/CR/LF between tokens) and
 * fills the same {@link ManifestLineParser} state as the Jackson path, through the same
 * {@link ManifestLineParser#applyMetadata} and label rules.
 *
 * <p>It gives up ({@link #scan} returns {@code false}) on anything unusual rather than interpreting it: any byte
 * outside ASCII, any backslash escape, any control character in a string, a fragment that is not strict JSON,
 * deep nesting, long numbers or lines, and the odd shapes of the fields it reads (a {@code type} that is not a
 * string, a {@code confidence} that is not a number, ...). The caller then parses the line with Jackson, which either
 * accepts it with the same result or reports the error with its message. So broken JSON is never accepted here
 * that Jackson would reject, and every error message comes from one place.
 */
final class FastLineScanner {

    private static final int MAX_LINE = 16 * 1024;
    private static final int MAX_DEPTH = 64;
    private static final int MAX_NUMBER_LENGTH = 64;
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
        1e19, 1e20, 1e21, 1e22};

    private static final byte[] SOURCE_REF = ascii("source-ref");
    private static final byte[] METADATA = ascii("-metadata");
    private static final byte[] TYPE = ascii("type");
    private static final byte[] CLASS_NAME = ascii("class-name");
    private static final byte[] NAME = ascii("name");
    private static final byte[] CONFIDENCE = ascii("confidence");
    private static final byte[] COLOR_MAP = ascii("internal-color-map");
    private static final byte[] MODEL_ARN = ascii("model-arn");
    private static final byte[] PROJECT_NAME = ascii("project-name");
    private static final byte[] MODEL_VERSION = ascii("model-version");

    /** Thrown (pre-allocated, no stack trace) to leave the scan from any depth; never escapes this class. */
    private static final class GiveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GiveUp() {
            super(null, null, false, false);
        }
    }

    private static final GiveUp GIVE_UP = new GiveUp();

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
    private static final long SPACES = 0x2020202020202020L;

    private final ManifestLineParser target;
    private final Symbols symbols = new Symbols();

    private byte[] b;
    private int pos;
    private int end;
    /** End (exclusive) of the string scanned last. */
    private int stringEnd;
    /** Whether the number scanned last was a whole number (no fraction, no exponent). */
    private boolean wholeNumber;

    FastLineScanner(ManifestLineParser target) {
        this.target = target;
    }

    /**
     * Scans one line into the target parser.
     *
     * @return {@code true} when the line was strict JSON of a shape this scanner reads; {@code false} when the
     *         caller must reset the target and parse the line with Jackson
     */
    boolean scan(byte[] buf, int offset, int length) {
        if (length > MAX_LINE) {
            // Jackson enforces limits on string and name lengths; leave long lines to it.
            return false;
        }
        b = buf;
        pos = offset;
        end = offset + length;
        try {
            skipSpace();
            expect('{');
            topLevel();
            skipSpace();
            return pos == end;
        } catch (GiveUp e) {
            return false;
        } finally {
            b = null;
        }
    }

    private void topLevel() {
        skipSpace();
        if (peek() == '}') {
            pos++;
            return;
        }
        while (true) {
            expect('"');
            int keyStart = pos;
            scanStringBody();
            int keyEnd = stringEnd;
            skipSpace();
            expect(':');
            skipSpace();
            byte c = peek();
            if (c == '{') {
                if (endsWith(keyStart, keyEnd, METADATA)) {
                    metadata(symbols.get(b, keyStart, keyEnd - keyStart));
                } else {
                    skipValue(1);
                }
            } else if (c == '"') {
                pos++;
                int valueStart = pos;
                scanStringBody();
                if (equalsAt(keyStart, keyEnd, SOURCE_REF)) {
                    target.sourceRefAscii(b, valueStart, stringEnd - valueStart);
                }
            } else if (c == '-' || c >= '0' && c <= '9') {
                int numberStart = pos;
                scanNumber();
                if (wholeNumber) {
                    target.scalar(symbols.get(b, keyStart, keyEnd - keyStart), smallInt(numberStart, pos));
                }
            } else {
                skipValue(1);
            }
            skipSpace();
            byte sep = next();
            if (sep == '}') {
                return;
            }
            if (sep != ',') {
                throw GIVE_UP;
            }
            skipSpace();
        }
    }

    private void metadata(String key) {
        pos++;
        String type = null;
        String className = null;
        boolean hasConfidence = false;
        double confidence = 0;
        List<String> labels = null;
        boolean hasColorMap = false;
        String arn = null;
        String project = null;
        String version = null;
        boolean capture = target.capturesIdentity();
        skipSpace();
        if (peek() == '}') {
            pos++;
        } else {
            while (true) {
                expect('"');
                int fieldStart = pos;
                scanStringBody();
                int fieldEnd = stringEnd;
                skipSpace();
                expect(':');
                skipSpace();
                byte c = peek();
                if (equalsAt(fieldStart, fieldEnd, TYPE)) {
                    type = stringValue();
                } else if (equalsAt(fieldStart, fieldEnd, CLASS_NAME)) {
                    className = stringValue();
                } else if (equalsAt(fieldStart, fieldEnd, CONFIDENCE)) {
                    if (c != '-' && (c < '0' || c > '9')) {
                        throw GIVE_UP;
                    }
                    int numberStart = pos;
                    scanNumber();
                    hasConfidence = true;
                    confidence = toDouble(numberStart, pos);
                } else if (equalsAt(fieldStart, fieldEnd, COLOR_MAP)) {
                    if (c != '{') {
                        throw GIVE_UP;
                    }
                    hasColorMap = true;
                    labels = colorMap();
                } else if (equalsAt(fieldStart, fieldEnd, MODEL_ARN)) {
                    arn = identity(capture, false);
                } else if (equalsAt(fieldStart, fieldEnd, PROJECT_NAME)) {
                    project = identity(capture, false);
                } else if (equalsAt(fieldStart, fieldEnd, MODEL_VERSION)) {
                    version = identity(capture, true);
                } else {
                    skipValue(2);
                }
                skipSpace();
                byte sep = next();
                if (sep == '}') {
                    break;
                }
                if (sep != ',') {
                    throw GIVE_UP;
                }
                skipSpace();
            }
        }
        target.applyMetadata(key, type, className, hasConfidence, confidence, null, labels, hasColorMap, arn,
                project, version);
    }

    /** A string value read as a (shared) string; anything else is unusual. */
    private String stringValue() {
        if (peek() != '"') {
            throw GIVE_UP;
        }
        pos++;
        int start = pos;
        scanStringBody();
        return symbols.get(b, start, stringEnd - start);
    }

    /** An identity field: a string (or, for the version, any scalar as written); {@code null} when not captured. */
    private String identity(boolean capture, boolean anyScalar) {
        byte c = peek();
        int start;
        int stop;
        if (c == '"') {
            pos++;
            start = pos;
            scanStringBody();
            stop = stringEnd;
        } else if (anyScalar && (c == '-' || c >= '0' && c <= '9')) {
            start = pos;
            scanNumber();
            stop = pos;
        } else if (anyScalar && (c == 't' || c == 'f')) {
            start = pos;
            skipValue(2);
            stop = pos;
        } else if (anyScalar && c == 'n') {
            skipValue(2);
            return null;
        } else {
            throw GIVE_UP;
        }
        return capture ? new String(b, start, stop - start, StandardCharsets.ISO_8859_1) : null;
    }

    private List<String> colorMap() {
        pos++;
        List<String> labels = target.keepsLabels() ? new ArrayList<>(2) : null;
        skipSpace();
        if (peek() == '}') {
            pos++;
            return labels;
        }
        while (true) {
            expect('"');
            scanStringBody();
            skipSpace();
            expect(':');
            skipSpace();
            if (peek() == '{') {
                pos++;
                String name = null;
                skipSpace();
                if (peek() == '}') {
                    pos++;
                } else {
                    while (true) {
                        expect('"');
                        int fieldStart = pos;
                        scanStringBody();
                        int fieldEnd = stringEnd;
                        skipSpace();
                        expect(':');
                        skipSpace();
                        boolean nameField = equalsAt(fieldStart, fieldEnd, CLASS_NAME)
                                || equalsAt(fieldStart, fieldEnd, NAME) && name == null;
                        if (nameField && peek() == '"') {
                            name = stringValue();
                        } else {
                            skipValue(4);
                        }
                        skipSpace();
                        byte sep = next();
                        if (sep == '}') {
                            break;
                        }
                        if (sep != ',') {
                            throw GIVE_UP;
                        }
                        skipSpace();
                    }
                }
                ManifestLineParser.addLabel(labels, name);
            } else {
                skipValue(3);
            }
            skipSpace();
            byte sep = next();
            if (sep == '}') {
                return labels;
            }
            if (sep != ',') {
                throw GIVE_UP;
            }
            skipSpace();
        }
    }

    /** Skips any JSON value, validating it. */
    private void skipValue(int depth) {
        if (depth > MAX_DEPTH) {
            throw GIVE_UP;
        }
        byte c = peek();
        switch (c) {
            case '"':
                pos++;
                scanStringBody();
                return;
            case '{':
                pos++;
                skipSpace();
                if (peek() == '}') {
                    pos++;
                    return;
                }
                while (true) {
                    expect('"');
                    scanStringBody();
                    skipSpace();
                    expect(':');
                    skipSpace();
                    skipValue(depth + 1);
                    skipSpace();
                    byte sep = next();
                    if (sep == '}') {
                        return;
                    }
                    if (sep != ',') {
                        throw GIVE_UP;
                    }
                    skipSpace();
                }
            case '[':
                pos++;
                skipSpace();
                if (peek() == ']') {
                    pos++;
                    return;
                }
                while (true) {
                    skipValue(depth + 1);
                    skipSpace();
                    byte sep = next();
                    if (sep == ']') {
                        return;
                    }
                    if (sep != ',') {
                        throw GIVE_UP;
                    }
                    skipSpace();
                }
            case 't':
                literal("true");
                return;
            case 'f':
                literal("false");
                return;
            case 'n':
                literal("null");
                return;
            default:
                if (c == '-' || c >= '0' && c <= '9') {
                    scanNumber();
                    return;
                }
                throw GIVE_UP;
        }
    }

    private void literal(String word) {
        int n = word.length();
        if (pos + n > end) {
            throw GIVE_UP;
        }
        for (int i = 0; i < n; i++) {
            if (b[pos + i] != word.charAt(i)) {
                throw GIVE_UP;
            }
        }
        pos += n;
    }

    /**
     * Scans a string's content up to its closing quote (pos just after the opening quote); sets {@link #stringEnd}
     * and leaves pos after the closing quote. Gives up on escapes, control characters and non-ASCII bytes.
     */
    private void scanStringBody() {
        int i = pos;
        int stop = end;
        byte[] buf = b;
        // Eight bytes at a time: flag quote, backslash, control and non-ASCII bytes; the lowest flag is exact.
        while (i + Long.BYTES <= stop) {
            long w = (long) LONGS.get(buf, i);
            long quote = w ^ QUOTES;
            long backslash = w ^ BACKSLASHES;
            long flags = ((quote - ONES) & ~quote | (backslash - ONES) & ~backslash | (w - SPACES) & ~w | w) & HIGHS;
            if (flags != 0) {
                i += Long.numberOfTrailingZeros(flags) >>> 3;
                if (buf[i] == '"') {
                    stringEnd = i;
                    pos = i + 1;
                    return;
                }
                throw GIVE_UP;
            }
            i += Long.BYTES;
        }
        while (i < stop) {
            byte c = buf[i];
            if (c == '"') {
                stringEnd = i;
                pos = i + 1;
                return;
            }
            // Bytes are signed: c < 0x20 also catches every non-ASCII byte.
            if (c < 0x20 || c == '\\') {
                throw GIVE_UP;
            }
            i++;
        }
        throw GIVE_UP;
    }

    /** Scans a number by the JSON grammar; sets {@link #wholeNumber}. */
    private void scanNumber() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        byte c = peek();
        if (c == '0') {
            pos++;
        } else if (c >= '1' && c <= '9') {
            pos++;
            skipDigits();
        } else {
            throw GIVE_UP;
        }
        boolean whole = true;
        if (pos < end && b[pos] == '.') {
            pos++;
            requireDigit();
            skipDigits();
            whole = false;
        }
        if (pos < end && (b[pos] == 'e' || b[pos] == 'E')) {
            pos++;
            if (pos < end && (b[pos] == '+' || b[pos] == '-')) {
                pos++;
            }
            requireDigit();
            skipDigits();
            whole = false;
        }
        if (pos - start > MAX_NUMBER_LENGTH) {
            throw GIVE_UP;
        }
        wholeNumber = whole;
    }

    private void requireDigit() {
        byte c = peek();
        if (c < '0' || c > '9') {
            throw GIVE_UP;
        }
    }

    private void skipDigits() {
        while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
            pos++;
        }
    }

    /** A whole number as Jackson's {@code getValueAsInt}; longer ones are left to Jackson. */
    private int smallInt(int from, int to) {
        boolean negative = b[from] == '-';
        int i = negative ? from + 1 : from;
        if (to - i > 9) {
            throw GIVE_UP;
        }
        int v = 0;
        for (; i < to; i++) {
            v = v * 10 + (b[i] - '0');
        }
        return negative ? -v : v;
    }

    /**
     * The number's value, bit for bit what Jackson's {@code getDoubleValue} gives: a whole number converts from its
     * integer value; a decimal with at most 15 digits and no exponent is one exact division by a power of ten (both
     * operands exact, so the IEEE division is the correctly rounded result, as {@link Double#parseDouble} is);
     * anything else goes through {@link Double#parseDouble}.
     */
    private double toDouble(int from, int to) {
        boolean negative = b[from] == '-';
        int i = negative ? from + 1 : from;
        long mantissa = 0;
        int digits = 0;
        int fraction = 0;
        boolean inFraction = false;
        for (; i < to; i++) {
            byte c = b[i];
            if (c == '.') {
                inFraction = true;
            } else if (c >= '0' && c <= '9') {
                mantissa = mantissa * 10 + (c - '0');
                digits++;
                if (inFraction) {
                    fraction++;
                }
            } else {
                digits = Integer.MAX_VALUE;
                break;
            }
        }
        if (digits > 15) {
            return Double.parseDouble(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
        }
        if (!inFraction) {
            return (double) (negative ? -mantissa : mantissa);
        }
        double v = mantissa / POWERS_OF_TEN[fraction];
        return negative ? -v : v;
    }

    private void skipSpace() {
        while (pos < end) {
            byte c = b[pos];
            // Compact JSON has no space at all: one comparison settles the common case.
            if (c > ' ' || c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return;
            }
            pos++;
        }
    }

    private byte peek() {
        if (pos >= end) {
            throw GIVE_UP;
        }
        return b[pos];
    }

    private byte next() {
        if (pos >= end) {
            throw GIVE_UP;
        }
        return b[pos++];
    }

    private void expect(char c) {
        if (pos >= end || b[pos] != c) {
            throw GIVE_UP;
        }
        pos++;
    }

    private boolean equalsAt(int from, int to, byte[] word) {
        return to - from == word.length && Arrays.equals(b, from, to, word, 0, word.length);
    }

    private boolean endsWith(int from, int to, byte[] suffix) {
        return to - from >= suffix.length && Arrays.equals(b, to - suffix.length, to, suffix, 0, suffix.length);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Strings that recur on every line (keys, types, class names, labels), made once: a small open-addressing
     * table from ASCII bytes to the string. When it is full, strings are simply made anew.
     */
    static final class Symbols {
        private static final int SIZE = 512;
        private static final int MAX_ENTRIES = SIZE / 2;
        private static final int MAX_LENGTH = 96;
        private static final int MAX_PROBES = 8;

        private final byte[][] keys = new byte[SIZE][];
        private final String[] values = new String[SIZE];
        private int entries;

        String get(byte[] buf, int from, int length) {
            if (length == 0) {
                return "";
            }
            if (length > MAX_LENGTH) {
                return new String(buf, from, length, StandardCharsets.ISO_8859_1);
            }
            int h = length * 31 + buf[from] * 131 + buf[from + length - 1] * 17 + buf[from + (length >> 1)] * 7
                    + buf[from + (length >> 2)];
            int slot = (h ^ (h >>> 7)) & (SIZE - 1);
            for (int probe = 0; probe < MAX_PROBES; probe++) {
                byte[] k = keys[slot];
                if (k == null) {
                    String s = new String(buf, from, length, StandardCharsets.ISO_8859_1);
                    if (entries < MAX_ENTRIES) {
                        keys[slot] = Arrays.copyOfRange(buf, from, from + length);
                        values[slot] = s;
                        entries++;
                    }
                    return s;
                }
                if (k.length == length && Arrays.equals(k, 0, length, buf, from, from + length)) {
                    return values[slot];
                }
                slot = (slot + 1) & (SIZE - 1);
            }
            return new String(buf, from, length, StandardCharsets.ISO_8859_1);
        }
    }
}
