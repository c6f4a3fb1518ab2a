package dev.lfvmetrics.cli.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lfvmetrics.cli.Main;
import dev.lfvmetrics.cli.args.Args;
import dev.lfvmetrics.cli.args.Subcommand;
import dev.lfvmetrics.core.error.InvalidInputException;
import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.core.policy.PolicyEvaluator;
import dev.lfvmetrics.functions.ingest.IngestOutcome;
import dev.lfvmetrics.functions.ingest.IngestResult;
import dev.lfvmetrics.functions.log.JsonLog;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code lfv-metrics local}: the deployed pipeline's handlers on this machine, without an AWS account.
 */
public final class LocalCommand implements Subcommand {

    /** The command's name. */
    public static final String NAME = "local";

    private static final String DEFAULT_STATE = "state";
    private static final int DEFAULT_PORT = 8080;
    private static final String DEFAULT_REGION = "us-east-1";

    private static final Option ARTIFACTS = Args.required("artifacts", "DIR", "Folder whose sub-folders are S3 "
            + "buckets, e.g. events/artifacts");
    private static final Option STATE = Args.valued("state", "DIR", "Folder for the store, details and "
            + "alerts.jsonl (default: " + DEFAULT_STATE + ")");
    private static final Option PORT = Args.valued("port", "N", "Port of the query API on 127.0.0.1, 0 for any "
            + "free port (default: " + DEFAULT_PORT + ")");
    private static final Option THRESHOLDS = Args.valued("thresholds", "FILE", "Threshold policy for projects "
            + "without their own (JSON, see docs/design.md)");
    private static final Option INGEST = Args.valued("ingest", "EVENT.json", "An EventBridge event to ingest "
            + "(repeatable); default: the sample's S3 events");
    private static final Option ENDPOINT = Args.valued("endpoint", "URL", "AWS-compatible endpoint (moto, "
            + "LocalStack) for the table, topic and details bucket; they are created when missing");
    private static final Option REGION = Args.valued("region", "REGION", "Region for the SDK clients (default: "
            + DEFAULT_REGION + ")");
    private static final Option NO_SERVE = Args.flag("no-serve", "Ingest, print the alerts and exit instead of "
            + "serving the API");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Runs the pipeline locally: serves s3://BUCKET/KEY from DIR/BUCKET/KEY through an in-process S3, "
                + "ingests the given events (without --ingest: an S3 Object Created event for every "
                + "EvaluationResult-*.json under DIR), prints each alert and appends it to STATE/alerts.jsonl, then "
                + "serves the query API and the dashboard on http://127.0.0.1:PORT until stopped. The store is kept "
                + "in STATE across runs. Exit status: 0 done, 2 bad input (with --no-serve: also when an event was "
                + "rejected).";
    }

    @Override
    public Options options() {
        return new Options().addOption(ARTIFACTS).addOption(STATE).addOption(PORT).addOption(THRESHOLDS)
                .addOption(INGEST).addOption(ENDPOINT).addOption(REGION).addOption(NO_SERVE);
    }

    @Override
    public int run(Args args, PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        Path artifacts = args.path(ARTIFACTS);
        Path state = args.path(STATE, DEFAULT_STATE);
        int port = args.port(PORT, DEFAULT_PORT);
        Path thresholds = args.path(THRESHOLDS);
        List<Path> events = args.paths(INGEST);
        URI endpoint = args.uri(ENDPOINT);
        String region = args.text(REGION, DEFAULT_REGION);
        boolean noServe = args.flag(NO_SERVE);
        String policy = thresholds == null ? "" : readPolicy(thresholds);
        List<JsonNode> toIngest = new ArrayList<>();
        for (Path event : events) {
            toIngest.add(readEvent(event));
        }
        if (!Files.isDirectory(artifacts)) {
            throw new InvalidInputException(artifacts.toString(), 0, "the artifacts folder does not exist");
        }
        if (events.isEmpty()) {
            toIngest.addAll(LocalPipeline.sampleEvents(artifacts));
        }
        // Alerts link to the page this run will serve; with --port 0 its address is known only once it is bound.
        URI dashboard = noServe || port == 0 ? null : URI.create(LocalApiServer.url(port) + "/ui/");
        LocalSettings settings = new LocalSettings(artifacts, state, policy, endpoint, region, dashboard);
        int rejected = 0;
        Files.createDirectories(state);
        Path log = state.resolve("functions.log");
        try (PrintStream logStream = new PrintStream(Files.newOutputStream(log, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND), true, StandardCharsets.UTF_8);
                LocalPipeline pipeline = LocalPipeline.start(settings, out)) {
            // The functions' JSON log lines (one per event and request) go to a file; the console keeps results.
            JsonLog.writeTo(logStream);
            out.println("Function logs: " + log.toAbsolutePath().normalize());
            try {
                for (JsonNode event : toIngest) {
                    IngestResult result = pipeline.ingest(event);
                    rejected += report(result, out, err);
                }
                if (noServe) {
                    return rejected == 0 ? Main.OK : Main.BAD_INPUT;
                }
                try (LocalApiServer server = LocalApiServer.start(pipeline.api(), port, artifacts)) {
                    out.println("Query API: " + server.url() + "/projects");
                    out.println("Dashboard: " + server.url() + "/ui/");
                    out.println("Store: " + state.toAbsolutePath().normalize() + "  (Ctrl-C to stop)");
                    out.flush();
                    CountDownLatch stopped = new CountDownLatch(1);
                    Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "local-mode-stop"));
                    stopped.await();
                }
            } finally {
                JsonLog.writeTo(null);
            }
        }
        return Main.OK;
    }

    private static int report(IngestResult result, PrintWriter out, PrintWriter err) {
        if (!result.models().isEmpty()) {
            int rejected = 0;
            for (IngestResult model : result.models()) {
                rejected += report(model, out, err);
            }
            return rejected;
        }
        String model = result.project() == null ? "" : " " + result.project() + " v" + result.version();
        String reason = result.reason() == null ? "" : ": " + result.reason();
        if (result.outcome() == IngestOutcome.REJECTED) {
            err.println("rejected" + model + reason);
            err.flush();
            return 1;
        }
        out.println("ingest" + model + ": " + result.outcome() + reason);
        out.flush();
        return 0;
    }

    private static String readPolicy(Path file) throws IOException {
        String json = read(file);
        PolicyEvaluator.read(json, file.toString());
        return json;
    }

    private static JsonNode readEvent(Path file) throws IOException {
        String json = read(file);
        try {
            JsonNode event = Json.mapper().readTree(json);
            if (event == null || !event.isObject()) {
                throw new InvalidInputException(file.toString(), 0, "an event must be a JSON object");
            }
            return event;
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(file.toString(), e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "not JSON: " + e.getOriginalMessage());
        }
    }

    private static String read(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file.toString(), 0, "no such file");
        }
    }
}
