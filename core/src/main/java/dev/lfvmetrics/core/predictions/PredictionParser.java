package dev.lfvmetrics.core.predictions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lfvmetrics.core.error.InvalidInputException;
import dev.lfvmetrics.core.json.Json;
import java.io.InputStream;

/**
 * Reads one {@code .out} file: {@code {"Source":{"Type":"direct"},"IsAnomalous":true,"Confidence":0.93}}. A
 * segmentation model's {@code Anomalies} list ({@code Name}, {@code PixelAnomaly.Color},
 * {@code PixelAnomaly.TotalPercentageArea}, as in {@code DetectAnomalies}) becomes a colour map so that the predicted
 * labels are counted; that shape is not shown in AWS's public material (docs/sagemaker.md), so it is optional.
 */
public final class PredictionParser {

    private PredictionParser() {
    }

    /**
     * @param in     the file's content; not closed
     * @param source the file's path or URI, for messages
     * @return the prediction
     * @throws InvalidInputException when the content is not the documented JSON
     */
    public static Prediction read(InputStream in, String source) {
        JsonNode root = Json.readTree(in, source);
        if (!root.isObject()) {
            throw new InvalidInputException(source, 0, "not a batch-transform prediction: not a JSON object");
        }
        JsonNode anomalous = root.get("IsAnomalous");
        if (anomalous == null || !anomalous.isBoolean()) {
            throw new InvalidInputException(source, 0,
                    "not a batch-transform prediction: IsAnomalous is missing or not true/false");
        }
        JsonNode confidence = root.get("Confidence");
        if (confidence == null || !confidence.isNumber()) {
            throw new InvalidInputException(source, 0,
                    "not a batch-transform prediction: Confidence is missing or not a number");
        }
        double c = confidence.doubleValue();
        if (!(c >= 0.0 && c <= 1.0)) {
            throw new InvalidInputException(source, 0, "Confidence " + confidence.asText() + " is outside [0, 1]");
        }
        return new Prediction(anomalous.booleanValue(), c, colorMap(root.get("Anomalies"), source));
    }

    private static ObjectNode colorMap(JsonNode anomalies, String source) {
        if (anomalies == null || anomalies.isNull()) {
            return null;
        }
        if (!anomalies.isArray()) {
            throw new InvalidInputException(source, 0, "Anomalies is not a list");
        }
        ObjectNode map = Json.mapper().createObjectNode();
        int index = 0;
        for (JsonNode anomaly : anomalies) {
            JsonNode name = anomaly.get("Name");
            if (name == null || !name.isTextual()) {
                throw new InvalidInputException(source, 0, "Anomalies[" + index + "] has no Name");
            }
            ObjectNode entry = map.putObject(Integer.toString(index));
            entry.put("class-name", name.asText());
            JsonNode pixels = anomaly.path("PixelAnomaly");
            if (pixels.path("Color").isTextual()) {
                entry.put("hex-color", pixels.get("Color").asText());
            }
            if (pixels.path("TotalPercentageArea").isNumber()) {
                entry.set("total-percentage-area", pixels.get("TotalPercentageArea"));
            }
            index++;
        }
        return map;
    }
}
