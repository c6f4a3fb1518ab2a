package dev.lfvmetrics.core.groundtruth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lfvmetrics.core.error.InvalidInputException;
import dev.lfvmetrics.core.json.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses dataset-manifest lines as they are found in the wild (docs/sagemaker.md): the label attribute may have any
 * name, so blocks are found by their metadata {@code type}; {@code class-name} decides in any case and the integer
 * label is ignored (AWS's own samples contradict it); dates are never read; colour-map entries may say {@code name}
 * instead of {@code class-name}, entry {@code "0"} may be BACKGROUND or a label. Keys ending in
 * {@code -detected-metadata} are predictions and are not ground truth.
 */
public final class DatasetLineParser {

    /** Metadata type of the ground-truth class block. */
    public static final String CLASSIFICATION_TYPE = "groundtruth/image-classification";
    /** Metadata type of the ground-truth mask block. */
    public static final String SEGMENTATION_TYPE = "groundtruth/semantic-segmentation";

    private static final String METADATA = "-metadata";
    private static final String DETECTED_METADATA = "-detected-metadata";

    private DatasetLineParser() {
    }

    /**
     * Parses one non-blank line.
     *
     * @param text       the line
     * @param source     the manifest's path or URI, for messages
     * @param lineNumber 1-based line number
     * @return the labelled image
     * @throws InvalidInputException when the line is not JSON, has no source-ref, no class block, or a class name
     *                               that is neither anomaly nor normal
     */
    public static DatasetLine parse(String text, String source, long lineNumber) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(source, lineNumber, "broken JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException(source, lineNumber, "not a JSON object");
        }
        JsonNode ref = root.get("source-ref");
        if (ref == null || !ref.isTextual() || ref.asText().isBlank()) {
            throw new InvalidInputException(source, lineNumber, "no source-ref");
        }
        String sourceRef = ref.asText().trim();
        String classKey = null;
        Boolean anomalous = null;
        String maskRef = null;
        ObjectNode colorMap = null;
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (!key.endsWith(METADATA) || key.endsWith(DETECTED_METADATA) || !value.isObject()) {
                continue;
            }
            String type = value.path("type").asText("").trim().toLowerCase(Locale.ROOT);
            if (type.equals(CLASSIFICATION_TYPE)) {
                boolean thisOne = anomalyClass(value.get("class-name"), key, sourceRef, source, lineNumber);
                if (anomalous != null && anomalous != thisOne) {
                    throw new InvalidInputException(source, lineNumber, sourceRef + ": " + classKey + " and " + key
                            + " disagree on the class");
                }
                classKey = key;
                anomalous = thisOne;
            } else if (type.equals(SEGMENTATION_TYPE)) {
                JsonNode maskValue = root.get(key.substring(0, key.length() - METADATA.length()));
                maskRef = maskValue != null && maskValue.isTextual() ? maskValue.asText() : null;
                JsonNode map = value.get("internal-color-map");
                colorMap = map != null && map.isObject() ? (ObjectNode) map : Json.mapper().createObjectNode();
            }
        }
        if (anomalous == null) {
            throw new InvalidInputException(source, lineNumber, sourceRef + ": no ground truth (no *-metadata with "
                    + "type " + CLASSIFICATION_TYPE + ")");
        }
        return new DatasetLine(lineNumber, sourceRef, anomalous, maskRef, colorMap, labels(colorMap));
    }

    private static boolean anomalyClass(JsonNode className, String key, String sourceRef, String source,
                                        long lineNumber) {
        if (className == null || !className.isTextual()) {
            throw new InvalidInputException(source, lineNumber, sourceRef + ": " + key + " has no class-name");
        }
        String c = className.asText().trim();
        if ("anomaly".equalsIgnoreCase(c)) {
            return true;
        }
        if ("normal".equalsIgnoreCase(c)) {
            return false;
        }
        throw new InvalidInputException(source, lineNumber, sourceRef + ": unknown class-name '" + c + "' in " + key
                + " (expected anomaly or normal, in any case)");
    }

    /**
     * The anomaly labels of a colour map: each entry's {@code class-name} (or {@code name}), BACKGROUND left out.
     *
     * @param colorMap the map, may be {@code null}
     * @return labels in map order, without duplicates
     */
    public static List<String> labels(JsonNode colorMap) {
        List<String> labels = new ArrayList<>();
        if (colorMap == null) {
            return labels;
        }
        for (JsonNode entry : colorMap) {
            JsonNode name = entry.hasNonNull("class-name") ? entry.get("class-name") : entry.get("name");
            if (name != null && name.isTextual()) {
                String n = name.asText().trim();
                if (!n.isEmpty() && !"BACKGROUND".equalsIgnoreCase(n) && !labels.contains(n)) {
                    labels.add(n);
                }
            }
        }
        return labels;
    }
}
