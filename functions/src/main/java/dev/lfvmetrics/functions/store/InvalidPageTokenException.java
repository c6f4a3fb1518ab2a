package dev.lfvmetrics.functions.store;

/** A pagination token that this listing did not issue. */
public final class InvalidPageTokenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param problem what is wrong with it
     */
    public InvalidPageTokenException(String problem) {
        super(problem);
    }
}
