package dev.lfvmetrics.functions.api;

/** The query API's error codes ({@code {"error":{"code": ...}}}), one place for the routes and the responder. */
public final class ErrorCodes {

    /** 400: a path or query parameter is malformed. */
    public static final String INVALID_PARAMETER = "InvalidParameter";
    /** 400: the threshold policy sent with PUT does not validate. */
    public static final String INVALID_POLICY = "InvalidPolicy";
    /** 404: no such project, version, route or file. */
    public static final String NOT_FOUND = "NotFound";
    /** 405: the route exists, the method does not. */
    public static final String METHOD_NOT_ALLOWED = "MethodNotAllowed";
    /** 500: the policy in force (stored for the project, or DEFAULT_POLICY) does not validate. */
    public static final String POLICY_IN_FORCE_INVALID = "PolicyInForceInvalid";
    /** 500: a bug; the message carries only the request id. */
    public static final String INTERNAL_ERROR = "InternalError";
    /** 503: the store is throttled or unreachable; retry. */
    public static final String SERVICE_UNAVAILABLE = "ServiceUnavailable";

    private ErrorCodes() {
    }
}
