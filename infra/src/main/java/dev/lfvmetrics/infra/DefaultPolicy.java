package dev.lfvmetrics.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Checks the shape of the {@code defaultPolicy} context parameter (the threshold policy document of
 * docs/design.md) at synth time, so a typo fails {@code cdk synth} instead of every ingest after deployment.
 * The functions still validate metric names; this only checks the structure and that limits are numbers.
 */
public final class DefaultPolicy {

    static final String PARAMETER = "defaultPolicy";

    /** Lambda allows 4 KB of environment in total; the policy must leave room for the other variables. */
    static final int MAX_LENGTH = 2048;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> SECTIONS = Set.of("minimums", "maximumDrops", "labelMinimums");

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
        Iterator<Map.Entry<String, JsonNode>> sections = root.fields();
        while (sections.hasNext()) {
            Map.Entry<String, JsonNode> section = sections.next();
            String name = section.getKey();
            if (!SECTIONS.contains(name)) {
                throw invalid("unknown key '" + name + "' (expected minimums, maximumDrops, labelMinimums)");
            }
            if ("labelMinimums".equals(name)) {
                checkLabels(section.getValue());
            } else {
                checkLimits(name, section.getValue());
            }
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
                return MAPPER.readTree(s);
            }
            return MAPPER.valueToTree(value);
        } catch (JsonProcessingException e) {
            throw invalid("is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IllegalArgumentException e) {
            throw invalid("cannot be read as a JSON document: a string or an object is expected");
        }
    }

    private static void checkLabels(JsonNode labels) {
        if (!labels.isObject()) {
            throw invalid("labelMinimums must be an object of label -> {metric: minimum}");
        }
        Iterator<Map.Entry<String, JsonNode>> entries = labels.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> label = entries.next();
            checkLimits("labelMinimums." + label.getKey(), label.getValue());
        }
    }

    private static void checkLimits(String path, JsonNode limits) {
        if (!limits.isObject()) {
            throw invalid(path + " must be an object of metric -> number");
        }
        Iterator<Map.Entry<String, JsonNode>> entries = limits.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> limit = entries.next();
            if (!limit.getValue().isNumber()) {
                throw invalid(path + "." + limit.getKey() + " must be a number, not " + limit.getValue());
            }
        }
    }

    private static InvalidContextException invalid(String problem) {
        return new InvalidContextException(PARAMETER, problem);
    }
}
