package dev.lfvmetrics.cli;

import dev.lfvmetrics.core.error.InvalidInputException;
import dev.lfvmetrics.core.evaluate.EvaluationOptions;
import dev.lfvmetrics.core.evaluate.Evaluator;
import dev.lfvmetrics.core.format.EvaluationResult;
import dev.lfvmetrics.core.format.Formats;
import dev.lfvmetrics.core.format.ModelDescription;
import dev.lfvmetrics.core.summary.Sources;
import dev.lfvmetrics.core.summary.Summary;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The artifacts of one model's evaluation, shared by {@code evaluate} and {@code gate}.
 */
public final class ArtifactOptions {

    @Option(names = "--manifest", required = true, paramLabel = "FILE",
            description = "Evaluation manifest (JSON Lines), e.g. EvaluationManifest-<project>-<version>.json")
    Path manifest;

    @Option(names = "--result", paramLabel = "FILE",
            description = "Evaluation result JSON, e.g. EvaluationResult-<project>-<version>.json")
    Path result;

    @Option(names = "--description", paramLabel = "FILE",
            description = "Saved DescribeModel output (aws lookoutvision describe-model ...)")
    Path description;

    @Option(names = "--max-misclassified", paramLabel = "N", defaultValue = "100",
            description = "List at most N misclassified images (default: ${DEFAULT-VALUE})")
    int maxMisclassified;

    /**
     * Reads the artifacts and evaluates them.
     *
     * @return the summary
     */
    Summary evaluate() {
        if (maxMisclassified < 0) {
            throw new InvalidInputException("--max-misclassified", 0,
                    "must not be negative, got " + maxMisclassified);
        }
        EvaluationResult r = result == null ? null : Formats.readResult(result);
        ModelDescription d = description == null ? null : Formats.readDescription(description);
        Sources sources = new Sources(manifest.toString(), result == null ? null : result.toString(),
                description == null ? null : description.toString());
        EvaluationOptions options = EvaluationOptions.defaults().withMaxMisclassified(maxMisclassified);
        return new Evaluator(options).evaluate(manifest, r, d, sources);
    }
}
