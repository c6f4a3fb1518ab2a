package dev.lfvmetrics.cli.args;

/**
 * A command line that cannot be run as written: an unknown or missing option, a value of the wrong kind. Reported
 * as one line with a pointer to the command's help, exit status 2.
 */
public final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, naming the option
     */
    public UsageException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, naming the option
     * @param cause   the parser's or converter's exception
     */
    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
