package dev.lfvmetrics.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.lfvmetrics.core.compare.Comparison;
import dev.lfvmetrics.core.compare.SummaryComparison;
import dev.lfvmetrics.core.format.Formats;
import dev.lfvmetrics.core.json.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lfv-metrics compare}: two summary documents side by side.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Shows two summary documents (from evaluate --json) side by side with candidate - base "
            + "differences. Exit status: 0 done, 2 bad input.")
public final class CompareCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASE", description = "Summary of the base model, e.g. the previous version")
    private Path base;

    @Parameters(index = "1", paramLabel = "CANDIDATE", description = "Summary of the candidate model")
    private Path candidate;

    @Option(names = "--json", description = "Print the comparison document (JSON) instead of text")
    private boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        Comparison c = SummaryComparison.compare(Formats.readSummary(base), Formats.readSummary(candidate));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(c));
        } else {
            TextReport.comparison(c, out);
        }
        out.flush();
        return Main.OK;
    }
}
