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
 * {@code lfv-metrics compare}: two evaluations side by side, with paired tests when both keep per-image results.
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

    @Option(names = "--confidence-level", paramLabel = "LEVEL", defaultValue = "0.95",
            description = "Confidence level of the paired tests' intervals, in (0, 1) (default: ${DEFAULT-VALUE})")
    private double level;

    @Mixin
    private AwsOptions aws;

    @Option(names = "--json", description = "Print the comparison document (JSON) instead of text")
    private boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        ArtifactOptions.checkLevel(level);
        SummaryInputs.Evaluated b = SummaryInputs.evaluate(base, basePredictions, aws, true);
        SummaryInputs.Evaluated k = SummaryInputs.evaluate(candidate, candidatePredictions, aws, true);
        // Only per-image results can be paired; a summary document keeps none.
        Comparison c = b.images() != null && k.images() != null
                ? SummaryComparison.compare(b.summary(), k.summary(), b.images(), k.images(), level)
                : SummaryComparison.compare(b.summary(), k.summary());
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
