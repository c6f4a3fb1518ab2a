package dev.lfvmetrics.core.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lfvmetrics.core.error.InvalidInputException;
import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.core.summary.Summary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Readers for the service's JSON documents (DescribeModel output, evaluation result) and for our own summary
 * document. Every failure is an {@link InvalidInputException} naming the source and, for broken JSON, the line.
 */
public final class Formats {

    private Formats() {
    }

    /**
     * Reads a saved DescribeModel response, with or without the {@code ModelDescription} wrapper.
     *
     * @param in     the document; not closed
     * @param source file or URI, for messages
     * @return the description
     */
    public static ModelDescription readDescription(InputStream in, String source) {
        JsonNode root = readTree(in, source);
        Fields f = new Fields(source);
        JsonNode wrapped = f.object(root, "ModelDescription", "ModelDescription");
        JsonNode d = wrapped != null ? wrapped : root;
        String prefix = wrapped != null ? "ModelDescription." : "";
        JsonNode perf = f.object(d, "Performance", prefix + "Performance");
        ModelDescription.Performance performance = perf == null ? null : new ModelDescription.Performance(
                f.number(perf, "F1Score", prefix + "Performance.F1Score"),
                f.number(perf, "Recall", prefix + "Performance.Recall"),
                f.number(perf, "Precision", prefix + "Performance.Precision"));
        JsonNode output = f.object(d, "OutputConfig", prefix + "OutputConfig");
        JsonNode location = f.object(output, "S3Location", prefix + "OutputConfig.S3Location");
        ModelDescription.S3Location outputConfig = location == null ? null : new ModelDescription.S3Location(
                f.text(location, "Bucket", prefix + "OutputConfig.S3Location.Bucket"),
                f.text(location, "Prefix", prefix + "OutputConfig.S3Location.Prefix"));
        return new ModelDescription(
                f.text(d, "ModelVersion", prefix + "ModelVersion"),
                f.text(d, "ModelArn", prefix + "ModelArn"),
                f.timestamp(d, "CreationTimestamp", prefix + "CreationTimestamp", false),
                f.text(d, "Description", prefix + "Description"),
                f.text(d, "Status", prefix + "Status"),
                f.text(d, "StatusMessage", prefix + "StatusMessage"),
                performance,
                outputConfig,
                s3Object(f, d, "EvaluationManifest", prefix),
                s3Object(f, d, "EvaluationResult", prefix),
                f.timestamp(d, "EvaluationEndTimestamp", prefix + "EvaluationEndTimestamp", false),
                f.text(d, "KmsKeyId", prefix + "KmsKeyId"),
                f.integer(d, "MinInferenceUnits", prefix + "MinInferenceUnits"),
                f.integer(d, "MaxInferenceUnits", prefix + "MaxInferenceUnits"));
    }

    private static ModelDescription.S3Object s3Object(Fields f, JsonNode d, String name, String prefix) {
        JsonNode o = f.object(d, name, prefix + name);
        return o == null ? null : new ModelDescription.S3Object(
                f.text(o, "Bucket", prefix + name + ".Bucket"), f.text(o, "Key", prefix + name + ".Key"));
    }

    /**
     * Reads an evaluation result document.
     *
     * @param in     the document; not closed
     * @param source file or URI, for messages
     * @return the result
     */
    public static EvaluationResult readResult(InputStream in, String source) {
        JsonNode root = readTree(in, source);
        Fields f = new Fields(source);
        JsonNode details = f.object(root, "EvaluationDetails", "EvaluationDetails");
        JsonNode aggregated = f.object(root, "AggregatedEvaluationResults", "AggregatedEvaluationResults");
        String mp = "AggregatedEvaluationResults.Metrics";
        JsonNode metrics = f.object(aggregated, "Metrics", mp);
        List<EvaluationResult.PixelClassMetrics> labels = new ArrayList<>();
        JsonNode classes = f.child(metrics, "PixelAnomalyClassMetrics");
        if (classes != null) {
            if (!classes.isArray()) {
                throw f.wrongType(mp + ".PixelAnomalyClassMetrics", "an array", classes);
            }
            for (int i = 0; i < classes.size(); i++) {
                String p = mp + ".PixelAnomalyClassMetrics[" + i + "]";
                JsonNode c = classes.get(i);
                if (!c.isObject()) {
                    throw f.wrongType(p, "an object", c);
                }
                labels.add(new EvaluationResult.PixelClassMetrics(
                        f.text(c, "ClassName", p + ".ClassName"),
                        f.number(c, "Precision", p + ".Precision"),
                        f.number(c, "Recall", p + ".Recall"),
                        f.number(c, "F1Score", p + ".F1Score"),
                        f.number(c, "AIOU", p + ".AIOU")));
            }
        }
        String dp = "EvaluationDetails.";
        return new EvaluationResult(
                f.integer(root, "Version", "Version"),
                f.text(details, "ModelArn", dp + "ModelArn"),
                f.timestamp(details, "EvaluationEndTimestamp", dp + "EvaluationEndTimestamp", true),
                f.integer(details, "NumberOfTrainingImages", dp + "NumberOfTrainingImages"),
                f.integer(details, "NumberOfTestingImages", dp + "NumberOfTestingImages"),
                f.number(metrics, "ROCAUC", mp + ".ROCAUC"),
                f.number(metrics, "AveragePrecision", mp + ".AveragePrecision"),
                f.number(metrics, "Precision", mp + ".Precision"),
                f.number(metrics, "Recall", mp + ".Recall"),
                f.number(metrics, "F1Score", mp + ".F1Score"),
                labels);
    }

    /**
     * Reads a saved DescribeModel response from a file.
     *
     * @param file the file
     * @return the description
     * @throws InvalidInputException naming the path when the file is missing or unreadable
     */
    public static ModelDescription readDescription(Path file) {
        try (InputStream in = open(file)) {
            return readDescription(in, file.toString());
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /**
     * Reads an evaluation result from a file.
     *
     * @param file the file
     * @return the result
     * @throws InvalidInputException naming the path when the file is missing or unreadable
     */
    public static EvaluationResult readResult(Path file) {
        try (InputStream in = open(file)) {
            return readResult(in, file.toString());
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /**
     * Reads a summary document (the output of {@code evaluate --json}).
     *
     * @param in     the document; not closed
     * @param source file or URI, for messages
     * @return the summary
     */
    public static Summary readSummary(InputStream in, String source) {
        JsonNode root = readTree(in, source);
        if (!root.has("metrics") || !root.get("metrics").isObject()) {
            throw new InvalidInputException(source, 0, "not a summary document: no \"metrics\" object");
        }
        try {
            return Json.mapper().treeToValue(root, Summary.class);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(source, 0, "not a summary document: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a summary document from a file.
     *
     * @param file the file
     * @return the summary
     * @throws InvalidInputException naming the path when the file is missing or unreadable
     */
    public static Summary readSummary(Path file) {
        try (InputStream in = open(file)) {
            return readSummary(in, file.toString());
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /**
     * Opens a file for reading, turning a missing file into an error that names it.
     *
     * @param file the file
     * @return an open stream
     * @throws IOException when it cannot be opened for another reason
     */
    public static InputStream open(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new InvalidInputException(file.toString(), 0, "is a directory, expected a file");
        }
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file.toString(), 0, "file not found", e);
        }
    }

    private static InvalidInputException unreadable(Path file, IOException e) {
        return new InvalidInputException(file.toString(), 0, "cannot read file (" + e.getClass().getSimpleName() + ")",
                e);
    }

    private static JsonNode readTree(InputStream in, String source) {
        JsonNode root = Json.readTree(in, source);
        if (!root.isObject()) {
            throw new InvalidInputException(source, 0, "expected a JSON object");
        }
        return root;
    }
}
