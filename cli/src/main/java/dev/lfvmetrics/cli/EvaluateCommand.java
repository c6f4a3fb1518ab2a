package dev.lfvmetrics.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.lfvmetrics.core.error.InvalidInputException;
import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.core.registry.ModelQualityDocument;
import dev.lfvmetrics.core.summary.Summary;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lfv-metrics evaluate}: one model's evaluation as text or as the summary document.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Computes a model's metrics from its evaluation manifest (or from a labelled dataset manifest "
            + "and a batch transform's predictions) and shows them beside what the service reported. "
            + "Exit status: 0 done, 2 bad input.")
public final class EvaluateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ArtifactOptions artifacts;

    @Option(names = "--json", description = "Print the summary document (JSON) instead of text; same as "
            + "--format json")
    private boolean json;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), json (the summary document) or sagemaker (SageMaker Model Registry's "
                + "model-quality evaluation.json)")
    private String format;

    @Override
    public Integer call() throws JsonProcessingException {
        String chosen = json ? "json" : format;
        if (!"text".equals(chosen) && !"json".equals(chosen) && !"sagemaker".equals(chosen)) {
            throw new InvalidInputException("--format", 0, "must be text, json or sagemaker, not '" + format + "'");
        }
        Summary summary = artifacts.evaluate();
        PrintWriter out = spec.commandLine().getOut();
        if ("json".equals(chosen)) {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(summary));
        } else if ("sagemaker".equals(chosen)) {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(ModelQualityDocument.of(summary)));
        } else {
            TextReport.summary(summary, out);
        }
        out.flush();
        return Main.OK;
    }
}
