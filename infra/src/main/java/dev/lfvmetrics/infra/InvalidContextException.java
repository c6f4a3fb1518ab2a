package dev.lfvmetrics.infra;

/**
 * A context parameter of the CDK app (or a file it names) is missing or malformed. The message names the
 * parameter, the offending value and what is expected, so that {@code cdk synth} fails before anything deploys.
 */
public final class InvalidContextException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    /**
     * @param parameter the context key, e.g. {@code alertEmails}
     * @param problem what is wrong with it and what is expected
     */
    public InvalidContextException(String parameter, String problem) {
        super("context '" + parameter + "': " + problem);
        this.parameter = parameter;
    }

    /**
     * @return the context key that is wrong
     */
    public String parameter() {
        return parameter;
    }
}
