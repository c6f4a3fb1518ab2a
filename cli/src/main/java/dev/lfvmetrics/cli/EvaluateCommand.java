package dev.lfvmetrics.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.lfvmetrics.core.json.Json;
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
        description = "Computes a model's metrics from its evaluation manifest and shows them beside what the "
            + "service reported. Exit status: 0 done, 2 bad input.")
public final class EvaluateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ArtifactOptions artifacts;

    @Option(names = "--json", description = "Print the summary document (JSON) instead of text")
    private boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        Summary summary = artifacts.evaluate();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(summary));
        } else {
            TextReport.summary(summary, out);
        }
        out.flush();
        return Main.OK;
    }
}
