package dev.lfvmetrics.cli;

import dev.lfvmetrics.cli.args.Args;
import dev.lfvmetrics.cli.args.Subcommand;
import dev.lfvmetrics.core.compare.Comparison;
import dev.lfvmetrics.core.compare.SummaryComparison;
import dev.lfvmetrics.core.evaluate.EvaluationOptions;
import dev.lfvmetrics.core.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code lfv-metrics compare}: two evaluations side by side, with paired tests when both keep per-image results.
 */
public final class CompareCommand implements Subcommand {

    static final String NAME = "compare";

    private static final String BASE = "BASE";
    private static final String CANDIDATE = "CANDIDATE";

    private static final Option BASE_PREDICTIONS = Args.valued("base-predictions", "LOCATION", "Folder or s3:// "
            + "prefix of the base model's .out files; BASE is then its ground truth");
    private static final Option CANDIDATE_PREDICTIONS = Args.valued("candidate-predictions", "LOCATION", "Folder "
            + "or s3:// prefix of the candidate's .out files; CANDIDATE is then its ground truth");
    private static final Option LEVEL = Args.valued("confidence-level", "LEVEL", "Confidence level of the paired "
            + "tests' intervals, in (0, 1) (default: " + EvaluationOptions.DEFAULT_INTERVAL_LEVEL + ")");
    private static final Option JSON = Args.flag("json", "Print the comparison document (JSON) instead of text");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Shows two evaluations (summary documents, evaluation manifests, or dataset manifests with "
                + "predictions) side by side with candidate - base differences. BASE is the base model, e.g. the "
                + "previous version: a summary (evaluate --json), an evaluation manifest, or with --base-predictions "
                + "a labelled dataset manifest; CANDIDATE is the candidate model, in the same forms. "
                + "Exit status: 0 done, 2 bad input.";
    }

    @Override
    public List<String> operands() {
        return List.of(BASE, CANDIDATE);
    }

    @Override
    public Options options() {
        Options options = new Options().addOption(BASE_PREDICTIONS).addOption(CANDIDATE_PREDICTIONS)
                .addOption(LEVEL).addOption(JSON);
        AwsOptions.declare(options);
        return options;
    }

    @Override
    public int run(Args args, PrintWriter out, PrintWriter err) throws IOException {
        List<String> operands = args.operands();
        Path base = Args.path(operands.get(0), BASE);
        Path candidate = Args.path(operands.get(1), CANDIDATE);
        double level = ArtifactOptions.checkLevel(args.decimal(LEVEL, EvaluationOptions.DEFAULT_INTERVAL_LEVEL));
        AwsOptions aws = AwsOptions.of(args);
        String basePredictions = args.text(BASE_PREDICTIONS);
        String candidatePredictions = args.text(CANDIDATE_PREDICTIONS);
        SummaryInputs.Evaluated b = SummaryInputs.evaluate(base, basePredictions, aws, true);
        SummaryInputs.Evaluated k = SummaryInputs.evaluate(candidate, candidatePredictions, aws, true);
        // Only per-image results can be paired; a summary document keeps none.
        Comparison c = b.images() != null && k.images() != null
                ? SummaryComparison.compare(b.summary(), k.summary(), b.images(), k.images(), level)
                : SummaryComparison.compare(b.summary(), k.summary());
        if (args.flag(JSON)) {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(c));
        } else {
            TextReport.comparison(c, out);
        }
        out.flush();
        return Main.OK;
    }
}
