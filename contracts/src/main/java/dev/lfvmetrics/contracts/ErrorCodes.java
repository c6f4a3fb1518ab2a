package dev.lfvmetrics.contracts;

/**
 * The error codes ({@code {"error":{"code": ...}}}) of the query API and of the two local servers that stand in front
 * of it (the local mode, the dashboard's signing proxy): one place, one style, for all of them and the page.
 */
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

    /** 403 (local servers): the Host header does not name this server on loopback. */
    public static final String FORBIDDEN_HOST = "ForbiddenHost";
    /** 413 (local servers): the request body is over the cap. */
    public static final String PAYLOAD_TOO_LARGE = "PayloadTooLarge";
    /** 500 (dashboard proxy): no AWS credentials to sign the call with. */
    public static final String NO_CREDENTIALS = "NoCredentials";
    /** 502 (dashboard proxy): the deployed API could not be reached. */
    public static final String UPSTREAM_UNREACHABLE = "UpstreamUnreachable";
    /** 503 (dashboard proxy): the server is stopping. */
    public static final String SHUTTING_DOWN = "ShuttingDown";

    private ErrorCodes() {
    }
}
