package dev.lfvmetrics.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.lfvmetrics.core.compare.Comparison;
import dev.lfvmetrics.core.compare.SummaryComparison;
import dev.lfvmetrics.core.json.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lfv-metrics compare}: two summary documents side by side.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Shows two evaluations (summary documents, evaluation manifests, or dataset manifests with "
            + "predictions) side by side with candidate - base differences. Exit status: 0 done, 2 bad input.")
public final class CompareCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASE",
            description = "The base model, e.g. the previous version: a summary (evaluate --json), an evaluation "
                + "manifest, or with --base-predictions a labelled dataset manifest")
    private Path base;

    @Parameters(index = "1", paramLabel = "CANDIDATE", description = "The candidate model, in the same forms")
    private Path candidate;

    @Option(names = "--base-predictions", paramLabel = "LOCATION",
            description = "Folder or s3:// prefix of the base model's .out files; BASE is then its ground truth")
    private String basePredictions;

    @Option(names = "--candidate-predictions", paramLabel = "LOCATION",
            description = "Folder or s3:// prefix of the candidate's .out files; CANDIDATE is then its ground truth")
    private String candidatePredictions;

    @Mixin
    private AwsOptions aws;

    @Option(names = "--json", description = "Print the comparison document (JSON) instead of text")
    private boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        Comparison c = SummaryComparison.compare(SummaryInputs.read(base, basePredictions, aws),
                SummaryInputs.read(candidate, candidatePredictions, aws));
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
