package dev.lfvmetrics.core.format;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A hand-written scanner for the common manifest line, about twice as fast as Jackson's streaming parser (see
 * docs/benchmarks.md) because it builds no tokens and no strings for what the metrics skip. It validates the whole
 * line as strict JSON (RFC 8259 grammar: objects, arrays, strings, numbers, literals, only space/tab/CR/LF between
 * tokens) and fills the same {@link ManifestLineParser} state as the Jackson path, through the same
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

    static final int MAX_LINE = 16 * 1024;
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
    private static final byte[] TRUE_WORD = ascii("true");
    private static final byte[] FALSE_WORD = ascii("false");
    private static final byte[] NULL_WORD = ascii("null");

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

    private static final int F_OTHER = 0;
    private static final int F_TYPE = 1;
    private static final int F_CLASS_NAME = 2;
    private static final int F_CONFIDENCE = 3;
    private static final int F_COLOR_MAP = 4;
    private static final int F_MODEL_ARN = 5;
    private static final int F_PROJECT_NAME = 6;
    private static final int F_MODEL_VERSION = 7;

    private static final int END = 0;
    private static final int STRING = 1;
    private static final int NUMBER = 2;
    private static final int TRUE = 3;
    private static final int FALSE = 4;
    private static final int NULL = 5;

    private final ManifestLineParser target;
    private final Symbols symbols = new Symbols();

    private byte[] b;
    private int pos;
    private int end;
    /** Content of the token read last: a string without its quotes, a number or literal as written. */
    private int tokenStart;
    private int tokenEnd;
    /** Whether the number read last was a whole number (no fraction, no exponent). */
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
            if (token() != '{') {
                return false;
            }
            topLevel();
            return token() == END;
        } catch (GiveUp e) {
            return false;
        } finally {
            b = null;
        }
    }

    /**
     * Scans the object that starts at {@code offset} when its line's end is not known yet, so that the bytes are
     * read once rather than once for the line feed and once for the fields. A line feed anywhere inside the object
     * (between tokens or in a string) makes it give up, so an object is never read across two lines.
     *
     * @param buf    the bytes
     * @param offset where the object's opening brace is
     * @param limit  the end of the bytes available; a line longer than the scanner reads is left to the caller
     * @return the offset just after the object's closing brace, or -1 when the caller must find the line's end and
     *         parse it the usual way
     */
    int scanObject(byte[] buf, int offset, int limit) {
        b = buf;
        pos = offset;
        end = Math.min(limit, offset + MAX_LINE);
        try {
            if (token() != '{') {
                return -1;
            }
            topLevel();
            return pos;
        } catch (GiveUp e) {
            return -1;
        } finally {
            b = null;
        }
    }

    /**
     * The next token: {@link #END}, {@link #STRING}, {@link #NUMBER}, a literal, or the punctuation character
     * itself. One method for all tokens, so that the JIT compiles the byte loops once rather than inlining them at
     * every call site (which made compilation, during which the code runs slowly, take longer than it saves).
     */
    private int token() {
        byte[] buf = b;
        int stop = end;
        int i = pos;
        byte c;
        while (true) {
            if (i >= stop) {
                pos = i;
                return END;
            }
            c = buf[i];
            if (c > ' ') {
                break;
            }
            // No line feed: a line handed to scan() has none, and scanObject() must not read on into the next line.
            if (c != ' ' && c != '\t' && c != '\r') {
                throw GIVE_UP;
            }
            i++;
        }
        switch (c) {
            case '{':
            case '}':
            case '[':
            case ']':
            case ',':
            case ':':
                pos = i + 1;
                return c;
            case '"':
                i++;
                tokenStart = i;
                // Eight bytes at a time: flag quote, backslash, control and non-ASCII bytes. A flagged word is left
                // to the byte loop below, which finds the first such byte among at most eight: cheaper in C1 code
                // (what a short run executes) than locating the flag, which costs a call to numberOfTrailingZeros.
                while (i + Long.BYTES <= stop) {
                    long w = (long) LONGS.get(buf, i);
                    long quote = w ^ QUOTES;
                    long backslash = w ^ BACKSLASHES;
                    long flags = ((quote - ONES) & ~quote | (backslash - ONES) & ~backslash | (w - SPACES) & ~w | w)
                            & HIGHS;
                    if (flags != 0) {
                        break;
                    }
                    i += Long.BYTES;
                }
                while (i < stop) {
                    byte d = buf[i];
                    if (d == '"') {
                        tokenEnd = i;
                        pos = i + 1;
                        return STRING;
                    }
                    // Bytes are signed: d < 0x20 also catches every non-ASCII byte.
                    if (d < 0x20 || d == '\\') {
                        throw GIVE_UP;
                    }
                    i++;
                }
                throw GIVE_UP;
            case 't':
                return literal(i, TRUE_WORD, TRUE);
            case 'f':
                return literal(i, FALSE_WORD, FALSE);
            case 'n':
                return literal(i, NULL_WORD, NULL);
            default:
                return number(i);
        }
    }

    /** The literal {@code word} at {@code i}. */
    private int literal(int i, byte[] word, int kind) {
        int n = word.length;
        if (i + n > end || !Arrays.equals(b, i, i + n, word, 0, n)) {
            throw GIVE_UP;
        }
        tokenStart = i;
        tokenEnd = i + n;
        pos = i + n;
        return kind;
    }

    /** A number by the JSON grammar, starting at {@code i}. */
    private int number(int i) {
        byte[] buf = b;
        int stop = end;
        int start = i;
        if (buf[i] == '-') {
            i++;
        }
        if (i >= stop) {
            throw GIVE_UP;
        }
        byte c = buf[i];
        if (c == '0') {
            i++;
        } else if (c >= '1' && c <= '9') {
            i++;
            while (i < stop && buf[i] >= '0' && buf[i] <= '9') {
                i++;
            }
        } else {
            throw GIVE_UP;
        }
        boolean whole = true;
        if (i < stop && buf[i] == '.') {
            i++;
            i = digits(i);
            whole = false;
        }
        if (i < stop && (buf[i] == 'e' || buf[i] == 'E')) {
            i++;
            if (i < stop && (buf[i] == '+' || buf[i] == '-')) {
                i++;
            }
            i = digits(i);
            whole = false;
        }
        if (i - start > MAX_NUMBER_LENGTH) {
            throw GIVE_UP;
        }
        tokenStart = start;
        tokenEnd = i;
        pos = i;
        wholeNumber = whole;
        return NUMBER;
    }

    /** At least one digit from {@code i}; the offset after the last. */
    private int digits(int i) {
        byte[] buf = b;
        int stop = end;
        if (i >= stop || buf[i] < '0' || buf[i] > '9') {
            throw GIVE_UP;
        }
        i++;
        while (i < stop && buf[i] >= '0' && buf[i] <= '9') {
            i++;
        }
        return i;
    }

    private void expectColon() {
        if (token() != ':') {
            throw GIVE_UP;
        }
    }

    /** After a member: {@code true} at the closing brace, {@code false} after a comma. */
    private boolean closesObject() {
        int t = token();
        if (t == '}') {
            return true;
        }
        if (t != ',') {
            throw GIVE_UP;
        }
        return false;
    }

    /** The top-level object's members (its opening brace read). */
    private void topLevel() {
        int t = token();
        if (t == '}') {
            return;
        }
        while (true) {
            if (t != STRING) {
                throw GIVE_UP;
            }
            int keyStart = tokenStart;
            int keyEnd = tokenEnd;
            expectColon();
            int v = token();
            if (v == '{') {
                if (endsWith(keyStart, keyEnd, METADATA)) {
                    metadata(symbols.get(b, keyStart, keyEnd - keyStart));
                } else {
                    skipContainer(true);
                }
            } else if (v == STRING) {
                if (equalsAt(keyStart, keyEnd, SOURCE_REF)) {
                    target.sourceRefAscii(b, tokenStart, tokenEnd - tokenStart);
                }
            } else if (v == NUMBER) {
                if (wholeNumber) {
                    target.scalar(symbols.get(b, keyStart, keyEnd - keyStart), smallInt(tokenStart, tokenEnd));
                }
            } else {
                skipValue(v);
            }
            if (closesObject()) {
                return;
            }
            t = token();
        }
    }

    /** A {@code *-metadata} object (its opening brace read), handed to the target as the Jackson path does. */
    private void metadata(String key) {
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
        int t = token();
        if (t != '}') {
            while (true) {
                if (t != STRING) {
                    throw GIVE_UP;
                }
                int fieldStart = tokenStart;
                int fieldEnd = tokenEnd;
                expectColon();
                int v = token();
                switch (metadataField(fieldStart, fieldEnd)) {
                    case F_TYPE:
                        type = symbol(v);
                        break;
                    case F_CLASS_NAME:
                        className = symbol(v);
                        break;
                    case F_CONFIDENCE:
                        if (v != NUMBER) {
                            throw GIVE_UP;
                        }
                        hasConfidence = true;
                        confidence = toDouble(tokenStart, tokenEnd);
                        break;
                    case F_COLOR_MAP:
                        if (v != '{') {
                            throw GIVE_UP;
                        }
                        hasColorMap = true;
                        labels = colorMap();
                        break;
                    case F_MODEL_ARN:
                        arn = identity(v, capture, false);
                        break;
                    case F_PROJECT_NAME:
                        project = identity(v, capture, false);
                        break;
                    case F_MODEL_VERSION:
                        version = identity(v, capture, true);
                        break;
                    default:
                        skipValue(v);
                        break;
                }
                if (closesObject()) {
                    break;
                }
                t = token();
            }
        }
        target.applyMetadata(key, type, className, hasConfidence, confidence, null, labels, hasColorMap, arn,
                project, version);
    }

    /** Which field of a metadata object a key names, {@link #F_OTHER} for the ones the metrics skip. */
    private int metadataField(int from, int to) {
        byte[] word;
        int field;
        switch (to - from) {
            case 4:
                word = TYPE;
                field = F_TYPE;
                break;
            case 9:
                word = MODEL_ARN;
                field = F_MODEL_ARN;
                break;
            case 10:
                boolean className = b[from + 1] == 'l';
                word = className ? CLASS_NAME : CONFIDENCE;
                field = className ? F_CLASS_NAME : F_CONFIDENCE;
                break;
            case 12:
                word = PROJECT_NAME;
                field = F_PROJECT_NAME;
                break;
            case 13:
                word = MODEL_VERSION;
                field = F_MODEL_VERSION;
                break;
            case 18:
                word = COLOR_MAP;
                field = F_COLOR_MAP;
                break;
            default:
                return F_OTHER;
        }
        return sameBytes(b, from, word, 0, word.length) ? field : F_OTHER;
    }

    /** A string token as a (shared) string; any other token is unusual. */
    private String symbol(int kind) {
        if (kind != STRING) {
            throw GIVE_UP;
        }
        return symbols.get(b, tokenStart, tokenEnd - tokenStart);
    }

    /** An identity field: a string (or, for the version, any scalar as written); {@code null} when not captured. */
    private String identity(int kind, boolean capture, boolean anyScalar) {
        if (kind == NULL && anyScalar) {
            return null;
        }
        if (kind != STRING && !(anyScalar && (kind == NUMBER || kind == TRUE || kind == FALSE))) {
            throw GIVE_UP;
        }
        return capture ? new String(b, tokenStart, tokenEnd - tokenStart, StandardCharsets.ISO_8859_1) : null;
    }

    /** An {@code internal-color-map} object (its opening brace read): the label names of its entries. */
    private List<String> colorMap() {
        List<String> labels = target.keepsLabels() ? new ArrayList<>(2) : null;
        int t = token();
        if (t == '}') {
            return labels;
        }
        while (true) {
            if (t != STRING) {
                throw GIVE_UP;
            }
            expectColon();
            int v = token();
            if (v == '{') {
                String name = null;
                int u = token();
                if (u != '}') {
                    while (true) {
                        if (u != STRING) {
                            throw GIVE_UP;
                        }
                        int fieldStart = tokenStart;
                        int fieldEnd = tokenEnd;
                        expectColon();
                        int w = token();
                        boolean nameField = equalsAt(fieldStart, fieldEnd, CLASS_NAME)
                                || equalsAt(fieldStart, fieldEnd, NAME) && name == null;
                        if (nameField && w == STRING) {
                            name = symbols.get(b, tokenStart, tokenEnd - tokenStart);
                        } else {
                            skipValue(w);
                        }
                        if (closesObject()) {
                            break;
                        }
                        u = token();
                    }
                }
                ManifestLineParser.addLabel(labels, name);
            } else {
                skipValue(v);
            }
            if (closesObject()) {
                return labels;
            }
            t = token();
        }
    }

    /** Skips the value whose first token is {@code kind}, validating it. */
    private void skipValue(int kind) {
        if (kind == '{') {
            skipContainer(true);
        } else if (kind == '[') {
            skipContainer(false);
        } else if (kind < STRING || kind > NULL) {
            throw GIVE_UP;
        }
    }

    /**
     * Skips an object or array (its opening token read) and everything in it, validating it, without recursion:
     * one bit per nesting level says whether that level is an object.
     */
    private void skipContainer(boolean object) {
        long objects = object ? 1L : 0L;
        int depth = 0;
        boolean expectMember = true;
        boolean mayClose = true;
        int t = token();
        while (true) {
            boolean inObject = (objects >>> depth & 1L) != 0;
            int close = inObject ? '}' : ']';
            if (expectMember) {
                if (mayClose && t == close) {
                    if (depth == 0) {
                        return;
                    }
                    depth--;
                    expectMember = false;
                    t = token();
                    continue;
                }
                if (inObject) {
                    if (t != STRING) {
                        throw GIVE_UP;
                    }
                    expectColon();
                    t = token();
                }
                if (t == '{' || t == '[') {
                    if (++depth >= MAX_DEPTH) {
                        throw GIVE_UP;
                    }
                    objects = t == '{' ? objects | 1L << depth : objects & ~(1L << depth);
                    mayClose = true;
                    t = token();
                    continue;
                }
                if (t < STRING || t > NULL) {
                    throw GIVE_UP;
                }
                expectMember = false;
                t = token();
                continue;
            }
            if (t == ',') {
                expectMember = true;
                mayClose = false;
                t = token();
                continue;
            }
            if (t != close) {
                throw GIVE_UP;
            }
            if (depth == 0) {
                return;
            }
            depth--;
            t = token();
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

    private boolean equalsAt(int from, int to, byte[] word) {
        return to - from == word.length && sameBytes(b, from, word, 0, word.length);
    }

    private boolean endsWith(int from, int to, byte[] suffix) {
        return to - from >= suffix.length && sameBytes(b, to - suffix.length, suffix, 0, suffix.length);
    }

    /**
     * Whether {@code n} bytes agree, eight at a time (the last eight overlapping): the words compared here are
     * short, where {@link Arrays#equals(byte[], int, int, byte[], int, int)} spends more on setting up than on
     * comparing.
     */
    static boolean sameBytes(byte[] a, int aFrom, byte[] c, int cFrom, int n) {
        if (n < Long.BYTES) {
            for (int i = 0; i < n; i++) {
                if (a[aFrom + i] != c[cFrom + i]) {
                    return false;
                }
            }
            return true;
        }
        for (int i = 0; i < n - Long.BYTES; i += Long.BYTES) {
            if ((long) LONGS.get(a, aFrom + i) != (long) LONGS.get(c, cFrom + i)) {
                return false;
            }
        }
        return (long) LONGS.get(a, aFrom + n - Long.BYTES) == (long) LONGS.get(c, cFrom + n - Long.BYTES);
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
                if (k.length == length && sameBytes(k, 0, buf, from, length)) {
                    return values[slot];
                }
                slot = (slot + 1) & (SIZE - 1);
            }
            return new String(buf, from, length, StandardCharsets.ISO_8859_1);
        }
    }
}
