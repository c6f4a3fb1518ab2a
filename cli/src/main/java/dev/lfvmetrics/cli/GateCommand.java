package dev.lfvmetrics.cli;

import dev.lfvmetrics.cli.args.Args;
import dev.lfvmetrics.cli.args.Subcommand;
import dev.lfvmetrics.core.error.InvalidInputException;
import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.core.policy.Breach;
import dev.lfvmetrics.core.policy.PerImageResults;
import dev.lfvmetrics.core.policy.PolicyEvaluator;
import dev.lfvmetrics.core.policy.PolicyJudgement;
import dev.lfvmetrics.core.policy.ThresholdPolicy;
import dev.lfvmetrics.core.summary.ImageResult;
import dev.lfvmetrics.core.summary.Summary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code lfv-metrics gate}: a CI step that fails when a model misses its threshold policy.
 */
public final class GateCommand implements Subcommand {

    static final String NAME = "gate";

    private static final Option THRESHOLDS = Args.required("thresholds", "FILE", "Threshold policy JSON (docs/cli.md, "
            + "\"Threshold policies\")");
    private static final Option BASELINE = Args.valued("baseline", "FILE", "The baseline model, for drops: an "
            + "evaluation manifest, or with --baseline-predictions a labelled dataset manifest (drops then tested on "
            + "the paired images), or a summary (evaluate --json; drops then judged untested, on their observed "
            + "size)");
    private static final Option BASELINE_PREDICTIONS = Args.valued("baseline-predictions", "LOCATION", "Folder or "
            + "s3:// prefix of the baseline's .out files; --baseline is then its ground truth");
    private static final Option JSON = Args.flag("json", "Print {\"passed\", \"breaches\", \"inconclusive\", "
            + "\"summary\"} as JSON instead of text");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Checks a model's evaluation against a threshold policy (minimums, maximums, drops against a "
                + "baseline judged by paired tests, operating points, per-label minimums). Exit status: 0 pass (drops "
                + "the tests cannot tell from noise are listed as inconclusive), 1 breach (each listed), 2 bad input.";
    }

    @Override
    public Options options() {
        Options options = new Options().addOption(THRESHOLDS).addOption(BASELINE).addOption(BASELINE_PREDICTIONS)
                .addOption(JSON);
        ArtifactOptions.declare(options);
        return options;
    }

    @Override
    public int run(Args args, PrintWriter out, PrintWriter err) throws IOException {
        Path thresholds = args.path(THRESHOLDS);
        Path baseline = args.path(BASELINE);
        String baselinePredictions = args.text(BASELINE_PREDICTIONS);
        ArtifactOptions artifacts = ArtifactOptions.of(args);
        if (args.flag(JSON)) {
            SummaryWriter.prepare();
        }
        ThresholdPolicy policy = PolicyEvaluator.read(thresholds);
        if (baseline == null && baselinePredictions != null) {
            throw new InvalidInputException("--baseline-predictions", 0, "needs --baseline");
        }
        // Per-image results only where a rule can use them: the paired tests of drops, reduced curves.
        SummaryInputs.Evaluated base = baseline == null ? null
                : SummaryInputs.evaluate(baseline, baselinePredictions, artifacts.aws(), policy.hasDrops());
        boolean keep = base != null && base.images() != null || !policy.operatingPoints().isEmpty();
        List<ImageResult> images = keep ? new ArrayList<>() : null;
        Summary summary = artifacts.evaluate(images == null ? null : images::add);
        PolicyJudgement judgement = PolicyEvaluator.judge(policy, summary, base == null ? null : base.summary(),
                PerImageResults.of(images, base == null ? null : base.images()));
        List<Breach> breaches = judgement.breaches();
        if (args.flag(JSON)) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("passed", judgement.passed());
            doc.put("breaches", breaches);
            doc.put("inconclusive", judgement.inconclusive());
            doc.put("summary", summary);
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc));
        } else {
            if (breaches.isEmpty()) {
                out.println("PASS: " + TextReport.name(summary.model()) + " meets " + thresholds
                        + (base == null ? "" : " (baseline " + TextReport.name(base.summary().model()) + ")"));
            } else {
                out.println("BREACH: " + TextReport.name(summary.model()) + " misses " + thresholds + " ("
                        + breaches.size() + (breaches.size() == 1 ? " breach" : " breaches") + ")");
                TextReport.breaches(breaches, out);
            }
            if (!judgement.inconclusive().isEmpty()) {
                out.println("Inconclusive (drops beyond their limit that the paired test cannot tell from noise; "
                        + "not breaches):");
                TextReport.breaches(judgement.inconclusive(), out);
            }
        }
        out.flush();
        return judgement.passed() ? Main.OK : Main.BREACH;
    }
}
