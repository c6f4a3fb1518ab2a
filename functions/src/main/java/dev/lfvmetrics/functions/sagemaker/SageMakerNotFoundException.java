package dev.lfvmetrics.functions.sagemaker;

/** A SageMaker model or job that does not exist (or was deleted): permanent for the event that names it. */
public final class SageMakerNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was looked for
     * @param cause   the SDK's exception, may be null
     */
    public SageMakerNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
