package dev.lfvmetrics.cli;

import dev.lfvmetrics.cli.args.Args;
import dev.lfvmetrics.cli.args.Subcommand;
import dev.lfvmetrics.core.error.InvalidInputException;
import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.core.registry.ModelQualityDocument;
import dev.lfvmetrics.core.summary.Summary;
import java.io.IOException;
import java.io.PrintWriter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code lfv-metrics evaluate}: one model's evaluation as text or as the summary document.
 */
public final class EvaluateCommand implements Subcommand {

    static final String NAME = "evaluate";

    private static final Option JSON = Args.flag("json", "Print the summary document (JSON) instead of text; same "
            + "as --format json");
    private static final Option FORMAT = Args.valued("format", "FORMAT", "text (default), json (the summary "
            + "document) or sagemaker (SageMaker Model Registry's model-quality evaluation.json)");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Computes a model's metrics from its evaluation manifest (or from a labelled dataset manifest and a "
                + "batch transform's predictions) and shows them beside what the service reported. "
                + "Exit status: 0 done, 2 bad input.";
    }

    @Override
    public Options options() {
        Options options = new Options().addOption(JSON).addOption(FORMAT);
        ArtifactOptions.declare(options);
        return options;
    }

    @Override
    public int run(Args args, PrintWriter out, PrintWriter err) throws IOException {
        String format = args.text(FORMAT, "text");
        String chosen = args.flag(JSON) ? "json" : format;
        if (!"text".equals(chosen) && !"json".equals(chosen) && !"sagemaker".equals(chosen)) {
            throw new InvalidInputException("--format", 0, "must be text, json or sagemaker, not '" + format + "'");
        }
        ArtifactOptions artifacts = ArtifactOptions.of(args);
        if (!"text".equals(chosen)) {
            SummaryWriter.prepare();
        }
        Summary summary = artifacts.evaluate();
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
