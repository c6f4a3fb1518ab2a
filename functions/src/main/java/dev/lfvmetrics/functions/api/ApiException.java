package dev.lfvmetrics.functions.api;

import dev.lfvmetrics.contracts.ErrorCodes;
import java.util.Map;

/** An answer other than success, with a message that is safe to show to the caller. */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient Map<String, String> headers;

    /**
     * @param status  HTTP status
     * @param code    stable error code
     * @param message message for the caller; never an internal error's text
     */
    public ApiException(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    /**
     * @param status  HTTP status
     * @param code    stable error code
     * @param message message for the caller
     * @param headers extra headers (e.g. Allow)
     */
    public ApiException(int status, String code, String message, Map<String, String> headers) {
        super(message);
        this.status = status;
        this.code = code;
        this.headers = Map.copyOf(headers);
    }

    /**
     * @param parameter the parameter's name
     * @param problem   what is wrong with it
     * @return a 400 naming the parameter
     */
    public static ApiException badParameter(String parameter, String problem) {
        return new ApiException(400, ErrorCodes.INVALID_PARAMETER, parameter + ": " + problem);
    }

    /**
     * @param what what was not found
     * @return a 404
     */
    public static ApiException notFound(String what) {
        return new ApiException(404, ErrorCodes.NOT_FOUND, what);
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the error code */
    public String code() {
        return code;
    }

    /** @return extra headers */
    public Map<String, String> headers() {
        return headers;
    }
}
