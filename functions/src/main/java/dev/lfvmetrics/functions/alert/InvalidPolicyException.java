package dev.lfvmetrics.functions.alert;

import dev.lfvmetrics.core.error.InvalidInputException;

/**
 * A threshold policy that does not validate where it is used: the default (DEFAULT_POLICY) or one stored for a
 * project before the rules changed. Raised when a verdict needs it, so that everything else keeps working; the
 * message names the policy and the problem (never anything from the caller's request).
 */
public final class InvalidPolicyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param problem the validator's finding
     */
    public InvalidPolicyException(InvalidInputException problem) {
        super(problem.getMessage(), problem);
    }
}
