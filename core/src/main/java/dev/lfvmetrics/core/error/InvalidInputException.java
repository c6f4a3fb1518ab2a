package dev.lfvmetrics.core.error;

/**
 * Input that cannot be evaluated: a missing file, a broken line, a value out of range. The message names the
 * source, the line and the problem so that a user can fix the input without a stack trace.
 */
public final class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;
    private final String problem;

    /**
     * Creates the exception.
     *
     * @param source  file path or s3:// URI
     * @param line    1-based line number, 0 when the problem is not tied to one line
     * @param problem what is wrong, for a human
     */
    public InvalidInputException(String source, long line, String problem) {
        this(source, line, problem, null);
    }

    /**
     * Creates the exception keeping the low-level cause for logs (never for callers' messages).
     *
     * @param source  file path or s3:// URI
     * @param line    1-based line number, 0 when the problem is not tied to one line
     * @param problem what is wrong, for a human
     * @param cause   the parser or I/O exception behind it, may be {@code null}
     */
    public InvalidInputException(String source, long line, String problem, Throwable cause) {
        super(format(source, line, problem), cause);
        this.source = source;
        this.line = line;
        this.problem = problem;
    }

    private static String format(String source, long line, String problem) {
        return line > 0 ? source + ":" + line + ": " + problem : source + ": " + problem;
    }

    /**
     * Where the bad input came from.
     *
     * @return file path or s3:// URI
     */
    public String source() {
        return source;
    }

    /**
     * Which line is bad.
     *
     * @return 1-based line number, 0 when not line-specific
     */
    public long line() {
        return line;
    }

    /**
     * What is wrong.
     *
     * @return the problem without source and line
     */
    public String problem() {
        return problem;
    }

    /**
     * The same problem attributed to another line, used when a file was read in ranges whose line numbers were
     * only known relative to the range start.
     *
     * @param offset lines before the range
     * @return a new exception with {@code line + offset}
     */
    public InvalidInputException shiftedBy(long offset) {
        return new InvalidInputException(source, line == 0 ? 0 : line + offset, problem, getCause());
    }
}
