package dev.lfvmetrics.functions.sagemaker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lfvmetrics.core.format.Timestamps;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads SageMaker's job documents: an EventBridge event's {@code detail} (which "resembles" the Describe call, times
 * as epoch milliseconds in strings, {@code Tags} an object) and a saved {@code aws sagemaker describe-*} output
 * (times as ISO text or epoch seconds, {@code Tags} a list of Key/Value pairs, when present).
 */
public final class SageMakerJson {

    private SageMakerJson() {
    }

    /**
     * @param d the detail or the saved document
     * @return the training job
     */
    public static TrainingJob trainingJob(JsonNode d) {
        JsonNode spec = d.path("AlgorithmSpecification");
        String algorithm = text(spec, "AlgorithmName");
        if (algorithm == null) {
            algorithm = text(spec, "TrainingImage");
        }
        Map<String, String> channels = new LinkedHashMap<>();
        for (JsonNode channel : d.path("InputDataConfig")) {
            String name = text(channel, "ChannelName");
            String uri = text(channel.path("DataSource").path("S3DataSource"), "S3Uri");
            if (name != null && uri != null) {
                channels.put(name, uri);
            }
        }
        return new TrainingJob(text(d, "TrainingJobName"), text(d, "TrainingJobArn"), text(d, "TrainingJobStatus"),
                text(d, "FailureReason"), algorithm, text(d.path("HyperParameters"), "ModelType"), channels,
                text(d.path("OutputDataConfig"), "S3OutputPath"), text(d.path("ModelArtifacts"), "S3ModelArtifacts"),
                time(d.get("CreationTime")), time(d.get("TrainingEndTime")), tags(d.get("Tags")));
    }

    /**
     * @param d the detail or the saved document
     * @return the transform job
     */
    public static TransformJob transformJob(JsonNode d) {
        JsonNode source = d.path("TransformInput").path("DataSource").path("S3DataSource");
        return new TransformJob(text(d, "TransformJobName"), text(d, "TransformJobArn"), text(d, "TransformJobStatus"),
                text(d, "FailureReason"), text(d, "ModelName"), text(source, "S3Uri"), text(source, "S3DataType"),
                text(d.path("TransformOutput"), "S3OutputPath"), time(d.get("TransformEndTime")), tags(d.get("Tags")));
    }

    /**
     * A model's artifact from a saved {@code describe-model} document: the primary container's, else the first.
     *
     * @param d the document
     * @return the ModelDataUrl, or null
     */
    public static String modelArtifact(JsonNode d) {
        String primary = text(d.path("PrimaryContainer"), "ModelDataUrl");
        return primary != null ? primary : text(d.path("Containers").path(0), "ModelDataUrl");
    }

    /**
     * @param tags an object of tag to value, or a list of {@code {"Key","Value"}}
     * @return tag to value, or null when the document has no {@code Tags} (they must be asked for)
     */
    static Map<String, String> tags(JsonNode tags) {
        if (tags == null || tags.isNull()) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        if (tags.isObject()) {
            tags.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        } else if (tags.isArray()) {
            for (JsonNode tag : tags) {
                if (tag.hasNonNull("Key")) {
                    out.put(tag.get("Key").asText(), tag.path("Value").asText(""));
                }
            }
        }
        return out;
    }

    private static String time(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asText().trim();
        try {
            BigDecimal number = new BigDecimal(text);
            // Events carry epoch milliseconds, saved documents epoch seconds: no date of interest is ambiguous.
            return number.compareTo(BigDecimal.valueOf(100_000_000_000L)) > 0
                    ? Instant.ofEpochMilli(number.longValue()).toString() : Timestamps.fromEpochSeconds(number);
        } catch (NumberFormatException notNumber) {
            return Timestamps.fromText(text);
        }
    }

    private static String text(JsonNode parent, String field) {
        JsonNode value = parent == null ? null : parent.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
