package dev.lfvmetrics.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lfvmetrics.core.format.Formats;
import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.core.summary.ImageResult;
import dev.lfvmetrics.core.summary.Summary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A model's evaluation named on the command line by one file: a summary document ({@code evaluate --json}), an
 * evaluation manifest, or, with a predictions location, a labelled dataset manifest. A file whose first non-blank
 * line is a whole JSON object with a {@code source-ref} is a manifest; anything else is read as a summary.
 */
final class SummaryInputs {

    private SummaryInputs() {
    }

    /**
     * An evaluation and, when it was computed here, its per-image results.
     *
     * @param summary the summary
     * @param images  every image's outcome, or null for a summary read from a file
     */
    record Evaluated(Summary summary, List<ImageResult> images) {
    }

    /**
     * @param file        the file
     * @param predictions the {@code .out} location for a dataset manifest, or {@code null}
     * @param aws         how to reach S3 for an {@code s3://} predictions location
     * @return the evaluation
     */
    static Summary read(Path file, String predictions, AwsOptions aws) {
        return evaluate(file, predictions, aws, false).summary();
    }

    /**
     * @param file        the file
     * @param predictions the {@code .out} location for a dataset manifest, or {@code null}
     * @param aws         how to reach S3 for an {@code s3://} predictions location
     * @param withImages  whether to keep every image's outcome (for paired tests)
     * @return the evaluation
     */
    static Evaluated evaluate(Path file, String predictions, AwsOptions aws, boolean withImages) {
        if (predictions == null && !isManifest(file)) {
            return new Evaluated(Formats.readSummary(file), null);
        }
        ArtifactOptions artifacts = ArtifactOptions.of(file, predictions, aws);
        List<ImageResult> images = withImages ? new ArrayList<>() : null;
        return new Evaluated(artifacts.evaluate(images == null ? null : images::add), images);
    }

    private static boolean isManifest(Path file) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Formats.open(file),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String text = line.strip().replace("\uFEFF", "");
                if (!text.isEmpty()) {
                    JsonNode first = Json.mapper().readTree(text);
                    return first != null && first.isObject() && first.has("source-ref");
                }
            }
            return false;
        } catch (IOException e) {
            // Not one JSON object on its own line: a pretty-printed summary, or something readSummary explains.
            return false;
        }
    }
}
