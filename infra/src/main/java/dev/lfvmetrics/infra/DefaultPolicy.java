package dev.lfvmetrics.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lfvmetrics.core.error.InvalidInputException;
import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.core.policy.PolicyEvaluator;

/**
 * Checks the {@code defaultPolicy} context parameter (the threshold policy document of docs/design.md) at synth
 * time with the functions' own validator ({@code PolicyEvaluator.fromTree} of lfv-metrics-core), so a typo such as
 * an unknown metric name fails {@code cdk synth} instead of every alert and API call after deployment.
 */
public final class DefaultPolicy {

    static final String PARAMETER = "defaultPolicy";

    /** Lambda allows 4 KB of environment in total; the policy must leave room for the other variables. */
    static final int MAX_LENGTH = 2048;

    private DefaultPolicy() {
    }

    /**
     * @param value the context value: a JSON string, a map (from cdk.json), or null/blank for no default policy
     * @return the policy as compact JSON, or the empty string when none is given
     */
    public static String normalize(Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            return "";
        }
        JsonNode root = parse(value);
        if (!root.isObject()) {
            throw invalid("must be a JSON object with minimums, maximumDrops or labelMinimums, not " + root);
        }
        try {
            PolicyEvaluator.fromTree(root, PARAMETER);
        } catch (InvalidInputException e) {
            throw invalid(e.problem());
        }
        String json = root.toString();
        if (json.length() > MAX_LENGTH) {
            throw invalid("is " + json.length() + " characters long; at most " + MAX_LENGTH
                    + " fit in the functions' environment (store larger policies per project with PUT thresholds)");
        }
        return json;
    }

    private static JsonNode parse(Object value) {
        try {
            if (value instanceof String s) {
                return Json.mapper().readTree(s);
            }
            return Json.mapper().valueToTree(value);
        } catch (JsonProcessingException e) {
            throw invalid("is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IllegalArgumentException e) {
            throw invalid("cannot be read as a JSON document: a string or an object is expected");
        }
    }

    private static InvalidContextException invalid(String problem) {
        return new InvalidContextException(PARAMETER, problem);
    }
}
