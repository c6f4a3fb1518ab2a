package dev.lfvmetrics.functions.catalog;

/** The catalog has no such model: asking again will not change that. */
public final class ModelNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param project project name
     * @param version model version
     * @param where   the catalog that was asked
     * @param cause   the underlying error
     */
    public ModelNotFoundException(String project, String version, String where, Throwable cause) {
        super("model " + project + "/" + version + " not found in " + where, cause);
    }
}
