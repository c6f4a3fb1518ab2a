package dev.lfvmetrics.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.lfvmetrics.core.error.InvalidInputException;
import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.core.policy.Breach;
import dev.lfvmetrics.core.policy.PolicyEvaluator;
import dev.lfvmetrics.core.policy.ThresholdPolicy;
import dev.lfvmetrics.core.summary.Summary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lfv-metrics gate}: a CI step that fails when a model misses its threshold policy.
 */
@Command(name = "gate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Checks a model's evaluation against a threshold policy (minimums, maximum drops against a "
            + "baseline summary, per-label minimums). Exit status: 0 pass, 1 breach (each listed), 2 bad input.")
public final class GateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ArtifactOptions artifacts;

    @Option(names = "--thresholds", required = true, paramLabel = "FILE",
            description = "Threshold policy JSON (minimums, maximumDrops, labelMinimums)")
    private Path thresholds;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "The baseline model, for maximumDrops: a summary (evaluate --json), an evaluation manifest, "
                + "or with --baseline-predictions a labelled dataset manifest")
    private Path baseline;

    @Option(names = "--baseline-predictions", paramLabel = "LOCATION",
            description = "Folder or s3:// prefix of the baseline's .out files; --baseline is then its ground truth")
    private String baselinePredictions;

    @Option(names = "--json", description = "Print {\"passed\", \"breaches\", \"summary\"} as JSON instead of text")
    private boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        ThresholdPolicy policy = PolicyEvaluator.read(thresholds);
        if (baseline == null && baselinePredictions != null) {
            throw new InvalidInputException("--baseline-predictions", 0, "needs --baseline");
        }
        Summary base = baseline == null ? null : SummaryInputs.read(baseline, baselinePredictions, artifacts.aws);
        Summary summary = artifacts.evaluate();
        List<Breach> breaches = PolicyEvaluator.evaluate(policy, summary, base);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("passed", breaches.isEmpty());
            doc.put("breaches", breaches);
            doc.put("summary", summary);
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc));
        } else if (breaches.isEmpty()) {
            out.println("PASS: " + TextReport.name(summary.model()) + " meets " + thresholds
                    + (base == null ? "" : " (baseline " + TextReport.name(base.model()) + ")"));
        } else {
            out.println("BREACH: " + TextReport.name(summary.model()) + " misses " + thresholds + " ("
                    + breaches.size() + (breaches.size() == 1 ? " breach" : " breaches") + ")");
            TextReport.breaches(breaches, out);
        }
        out.flush();
        return breaches.isEmpty() ? Main.OK : Main.BREACH;
    }
}
