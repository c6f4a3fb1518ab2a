package dev.lfvmetrics.functions.artifacts;

/** An object that is not there: a permanent condition for the event that named it. */
public final class ObjectNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient S3Uri location;

    /**
     * @param location the missing object
     * @param cause    the storage error
     */
    public ObjectNotFoundException(S3Uri location, Throwable cause) {
        super(location + ": no such object", cause);
        this.location = location;
    }

    /** @return the missing object */
    public S3Uri location() {
        return location;
    }
}
