package dev.lfvmetrics.functions.artifacts;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Tells a failure worth retrying (throttling, a 5xx, a network error) from one that will fail the same way again
 * (access denied, validation): the first must reach Lambda so it retries and the dead-letter queue catches it; the
 * second is logged and counted as a rejected event.
 */
public final class Failures {

    private Failures() {
    }

    /**
     * @param error a failure from an AWS call
     * @return true when retrying may succeed
     */
    public static boolean isTransient(RuntimeException error) {
        if (error instanceof SdkClientException) {
            return true;
        }
        if (error instanceof AwsServiceException service) {
            return service.isThrottlingException() || service.statusCode() >= 500 || service.statusCode() == 0;
        }
        return false;
    }
}
