package dev.lfvmetrics.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.events.CfnRule;
import software.amazon.awscdk.services.events.Rule;

/**
 * Service limits that deploy-time inputs could break, checked at synth so that the deploy does not fail half-way
 * (or worse, succeed and then fail): one line naming the parameter that caused it.
 */
final class Limits {

    /** Lambda: keys and values of all environment variables together, in bytes. */
    static final int LAMBDA_ENVIRONMENT = 4096;
    /** EventBridge: an event pattern's size, in characters (the default quota). */
    static final int EVENT_PATTERN = 2048;
    /** What a deploy-time token (table name, topic ARN, ...) is counted as: longer than any of ours resolves to. */
    static final int TOKEN_ESTIMATE = 256;

    private static final ObjectMapper JSON = new ObjectMapper();

    private Limits() {
    }

    /**
     * @param environment the functions' variables
     * @param parameters  variable name to the context parameter its value comes from
     * @throws InvalidContextException naming the parameter behind the largest variable, when they could exceed
     *                                 Lambda's 4 KB
     */
    static void checkEnvironment(Map<String, String> environment, Map<String, String> parameters) {
        int size = 0;
        String largest = null;
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            size += variable.getKey().length() + length(variable.getValue());
            if (parameters.containsKey(variable.getKey()) && (largest == null
                    || length(variable.getValue()) > length(environment.get(largest)))) {
                largest = variable.getKey();
            }
        }
        if (size > LAMBDA_ENVIRONMENT) {
            String parameter = largest == null ? "environment" : parameters.get(largest);
            throw new InvalidContextException(parameter, "makes the functions' environment about " + size
                    + " bytes, more than Lambda's " + LAMBDA_ENVIRONMENT + " (" + largest + " is "
                    + (largest == null ? 0 : length(environment.get(largest))) + " bytes)");
        }
    }

    /**
     * @param rule      a rule with an event pattern
     * @param parameter the parameter whose values are in the pattern
     * @throws InvalidContextException when the pattern exceeds EventBridge's size
     */
    static void checkPattern(Rule rule, String parameter) {
        Object pattern = Stack.of(rule).resolve(((CfnRule) rule.getNode().getDefaultChild()).getEventPattern());
        String json;
        try {
            json = JSON.writeValueAsString(pattern);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a resolved event pattern always serialises", e);
        }
        if (json.length() > EVENT_PATTERN) {
            throw new InvalidContextException(parameter, "makes the event pattern of rule " + rule.getNode().getId()
                    + " " + json.length() + " characters long, more than EventBridge's " + EVENT_PATTERN);
        }
    }

    private static int length(String value) {
        // A token's text is a placeholder; what it resolves to at deploy is bounded by the estimate.
        return Token.isUnresolved(value) ? Math.max(value.length(), TOKEN_ESTIMATE) : value.length();
    }
}
