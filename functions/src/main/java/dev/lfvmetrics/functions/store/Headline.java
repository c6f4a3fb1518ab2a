package dev.lfvmetrics.functions.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lfvmetrics.core.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The few figures a project listing shows, taken from a summary document. */
public final class Headline {

    /** The metrics shown in listings, in display order. */
    public static final List<String> METRICS = List.of("f1Score", "precision", "recall", "rocAuc", "images");

    private Headline() {
    }

    /**
     * @param summaryJson a summary document, or null
     * @return the headline figures that are defined; empty for null
     */
    public static Map<String, Double> of(String summaryJson) {
        Map<String, Double> figures = new LinkedHashMap<>();
        JsonNode metrics = tree(summaryJson).path("metrics");
        for (String name : METRICS) {
            JsonNode value = metrics.path(name);
            if (value.isNumber()) {
                figures.put(name, value.doubleValue());
            }
        }
        return figures;
    }

    /**
     * @param summaryJson a summary document, or null
     * @return the headline metrics' confidence intervals, {@code {"level", "<metric>": {"low", "high"}}} with null
     *         for an undefined metric, or a null node when the summary has none (stored before intervals)
     */
    public static JsonNode intervals(String summaryJson) {
        JsonNode intervals = tree(summaryJson).path("intervals");
        if (!intervals.isObject()) {
            return Json.mapper().nullNode();
        }
        ObjectNode out = Json.mapper().createObjectNode();
        out.set("level", intervals.path("level"));
        for (String name : METRICS) {
            JsonNode interval = intervals.get(name);
            if (interval != null) {
                out.set(name, interval.isObject() ? Json.mapper().createObjectNode().put("low",
                        interval.path("low").asDouble()).put("high", interval.path("high").asDouble())
                        : Json.mapper().nullNode());
            }
        }
        return out;
    }

    /**
     * @param summaryJson a summary document, or null
     * @return when the model was evaluated (the result's end time, else the computation time), or null
     */
    public static String evaluatedAt(String summaryJson) {
        JsonNode root = tree(summaryJson);
        String evaluated = root.path("model").path("evaluatedAt").asText(null);
        return evaluated != null ? evaluated : root.path("computedAt").asText(null);
    }

    private static JsonNode tree(String summaryJson) {
        if (summaryJson == null) {
            return Json.mapper().missingNode();
        }
        try {
            return Json.mapper().readTree(summaryJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored summary is not JSON", e);
        }
    }
}
