package dev.lfvmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lfvmetrics.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line run in-process on the bundled samples (events/artifacts), capturing output and exit status. */
class MainTest {

    private static final Path ROOT = CliRun.repositoryRoot();
    private static final Path SAMPLES = ROOT.resolve("events/artifacts/lfv-samples");
    private static final Path THRESHOLDS = ROOT.resolve("events/thresholds.json");

    @TempDir
    Path tmp;


    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static String artifact(String project, String kind, int version) {
        return SAMPLES.resolve(project).resolve("output").resolve(kind + "-" + project + "-" + version + ".json")
                .toString();
    }

    private static String[] evaluateArgs(String project, int version, String... extra) {
        List<String> args = new ArrayList<>(List.of("evaluate",
                "--manifest", artifact(project, "EvaluationManifest", version),
                "--result", artifact(project, "EvaluationResult", version),
                "--description", artifact(project, "DescribeModel", version)));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    private static JsonNode expectations(String key) throws IOException {
        return Json.mapper().readTree(ROOT.resolve("core/src/test/resources/sample-expectations.json").toFile())
                .get(key);
    }

    private Path summaryFile(String project, int version) throws IOException {
        CliRun r = run(evaluateArgs(project, version, "--json"));
        assertThat(r.status()).isZero();
        Path file = tmp.resolve(project + "-" + version + ".summary.json");
        Files.writeString(file, r.out());
        return file;
    }

    @Test
    void givenSample_whenEvaluateAsText_thenConsoleLikeSections() {
        CliRun r = run(evaluateArgs("circuit-board", 1));
        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("Model:        circuit-board version 1  (TRAINED)",
                "Test images:  140 (60 anomalous, 80 normal); training images: 220",
                "Overall model performance", "DescribeModel (diff)", "EvaluationResult (diff)",
                "Confusion: TP 58  FP 4  TN 76  FN 2", "Best-F1 threshold: anomaly score >= 0.5409",
                "Test results overview", "Correct:   134", "Incorrect: 6",
                "s3://lfv-samples/circuit-board/test/anomaly/test-046.jpg");
        assertThat(r.out()).containsPattern("rocAuc +0\\.9960 +- +0\\.99\\d\\d \\([+-]0\\.\\d{4}\\)");
        assertThat(r.out()).doesNotContain("Per-label performance");
    }

    @Test
    void givenSegmentationSample_whenEvaluateAsText_thenPerLabelTable() {
        CliRun r = run(evaluateArgs("cookies", 1));
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("Type:         SEGMENTATION", "Per-label performance");
        assertThat(r.out()).containsPattern("scratch +40 +44 +0\\.7120 +0\\.6550 +0\\.6823 +0\\.5170");
        assertThat(r.out()).containsPattern("crack +30 +23 +0\\.6040 +0\\.5380 +0\\.5691 +0\\.3920");
    }

    @Test
    void givenSample_whenEvaluateAsJson_thenSummaryDocumentWithScikitLearnFigures() throws IOException {
        CliRun r = run(evaluateArgs("circuit-board", 2, "--json", "--max-misclassified", "4"));
        assertThat(r.status()).isZero();
        JsonNode s = Json.mapper().readTree(r.out());
        JsonNode e = expectations("circuit-board-2");
        List<String> keys = new ArrayList<>();
        s.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("schemaVersion", "model", "modelType", "sources", "computedAt", "metrics",
                "reported", "differences", "bestThreshold", "curves", "labels", "misclassified", "intervals",
                "testSetFingerprint");
        JsonNode m = s.get("metrics");
        for (String count : List.of("images", "anomalous", "normal", "truePositives", "falsePositives",
                "trueNegatives", "falseNegatives")) {
            assertThat(m.get(count).asLong()).as(count).isEqualTo(e.get(count).asLong());
        }
        for (String ratio : List.of("precision", "recall", "f1Score", "accuracy", "rocAuc", "averagePrecision")) {
            assertThat(m.get(ratio).asDouble()).as(ratio).isCloseTo(e.get(ratio).asDouble(), within(1e-12));
        }
        assertThat(s.get("model").get("project").asText()).isEqualTo("circuit-board");
        assertThat(s.get("model").get("version").asText()).isEqualTo("2");
        assertThat(s.get("sources").get("result").asText()).endsWith("EvaluationResult-circuit-board-2.json");
        assertThat(s.get("misclassified").get("total").asLong()).isEqualTo(e.get("misclassified").asLong());
        assertThat(s.get("misclassified").get("truncated").asBoolean()).isTrue();
        assertThat(s.get("misclassified").get("images")).hasSize(4);
        assertThat(s.get("misclassified").get("images").get(0).get("sourceRef").asText())
                .isEqualTo(e.get("mostConfidentMistakes").get(0).asText());
        assertThat(s.get("reported").get("describeModel").get("f1Score").asDouble())
                .isCloseTo(e.get("f1Score").asDouble(), within(1e-6));
        assertThat(s.get("curves").get("roc").size()).isBetween(2, 200);
    }

    @Test
    void givenGoodModel_whenGated_thenPassExitZero() {
        CliRun r = run("gate", "--manifest", artifact("circuit-board", "EvaluationManifest", 1),
                "--thresholds", THRESHOLDS.toString());
        assertThat(r.status()).isEqualTo(Main.OK);
        assertThat(r.out()).startsWith("PASS: circuit-board version 1 meets ");
    }

    @Test
    void givenAManifestBaseline_whenGated_thenEachDropIsTestedOnThePairedImages() throws IOException {
        CliRun r = run("gate", "--json", "--manifest", artifact("circuit-board", "EvaluationManifest", 2),
                "--thresholds", THRESHOLDS.toString(), "--baseline",
                artifact("circuit-board", "EvaluationManifest", 1));
        assertThat(r.status()).as(r.err()).isEqualTo(Main.BREACH);
        JsonNode doc = Json.mapper().readTree(r.out());
        assertThat(doc.get("inconclusive")).isEmpty();
        JsonNode recall = doc.get("breaches").get(2);
        assertThat(recall.get("kind").asText()).isEqualTo("REGRESSION");
        assertThat(recall.get("metric").asText()).isEqualTo("recall");
        JsonNode evidence = recall.get("evidence");
        assertThat(evidence.get("method").asText()).isEqualTo("mcnemar");
        assertThat(evidence.get("pValue").asDouble()).isLessThan(0.05);
        assertThat(evidence.get("baseOnlyRight").asLong()).isGreaterThan(evidence.get("candidateOnlyRight").asLong());
        assertThat(evidence.get("images").asLong()).isEqualTo(60);
        assertThat(doc.get("breaches").get(1).at("/evidence/method").asText()).isEqualTo("paired-bootstrap");
    }

    @Test
    void givenWorseModelAndBaseline_whenGated_thenEachBreachListedExitOne() throws IOException {
        Path baseline = summaryFile("circuit-board", 1);
        CliRun r = run("gate", "--manifest", artifact("circuit-board", "EvaluationManifest", 2),
                "--thresholds", THRESHOLDS.toString(), "--baseline", baseline.toString());
        assertThat(r.status()).isEqualTo(Main.BREACH);
        assertThat(r.out()).contains("BREACH: circuit-board version 2 misses", "(3 breaches)",
                "MINIMUM f1Score: f1Score 0.7769 (95 % interval 0.6984 to 0.8485) is below the minimum 0.8000",
                "REGRESSION f1Score: f1Score dropped by", "REGRESSION recall: recall dropped by",
                "; not tested: no per-image results of the baseline");
        CliRun json = run("gate", "--json", "--manifest", artifact("circuit-board", "EvaluationManifest", 2),
                "--thresholds", THRESHOLDS.toString(), "--baseline", baseline.toString());
        assertThat(json.status()).isEqualTo(Main.BREACH);
        JsonNode doc = Json.mapper().readTree(json.out());
        assertThat(doc.get("passed").asBoolean()).isFalse();
        assertThat(doc.get("breaches")).hasSize(3);
        assertThat(doc.get("breaches").get(0).get("kind").asText()).isEqualTo("MINIMUM");
    }

    @Test
    void givenSegmentationModel_whenGatedWithLabelRules_thenPasses() {
        CliRun r = run("gate", "--manifest", artifact("cookies", "EvaluationManifest", 1),
                "--result", artifact("cookies", "EvaluationResult", 1), "--thresholds", THRESHOLDS.toString());
        assertThat(r.status()).isEqualTo(Main.OK);
    }

    @Test
    void givenBadLineInManifest_whenGated_thenOneErrorLineExitTwo() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(
                Path.of(artifact("circuit-board", "EvaluationManifest", 1))));
        lines.set(2, lines.get(2).replace("\"confidence\":", "\"confidence\":\"x\",\"was\":"));
        Path broken = tmp.resolve("EvaluationManifest-broken.json");
        Files.write(broken, lines);
        CliRun r = run("gate", "--manifest", broken.toString(), "--thresholds", THRESHOLDS.toString());
        assertThat(r.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("error: " + broken + ":3: confidence \"x\" in anomaly-label-detected-metadata "
                + "is not a number" + System.lineSeparator());
    }

    @Test
    void givenMissingOrInvalidFiles_whenRun_thenErrorNamesThemExitTwo() throws IOException {
        Path missing = tmp.resolve("nope.json");
        CliRun noManifest = run("evaluate", "--manifest", missing.toString());
        assertThat(noManifest.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(noManifest.err()).isEqualTo("error: " + missing + ": file not found" + System.lineSeparator());
        Path policy = tmp.resolve("policy.json");
        Files.writeString(policy, "{\"minimums\":{\"f1\":0.8}}");
        CliRun badPolicy = run("gate", "--manifest", artifact("circuit-board", "EvaluationManifest", 1),
                "--thresholds", policy.toString());
        assertThat(badPolicy.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(badPolicy.err()).startsWith("error: " + policy + ": minimums.f1: unknown metric");
        CliRun notSummary = run("compare", artifact("circuit-board", "EvaluationResult", 1),
                artifact("circuit-board", "EvaluationResult", 2));
        assertThat(notSummary.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(notSummary.err()).contains("not a summary document").doesNotContain("\tat ");
    }

    @Test
    void givenTwoSummaries_whenCompared_thenSideBySideWithDifferences() throws IOException {
        Path v1 = summaryFile("circuit-board", 1);
        Path v2 = summaryFile("circuit-board", 2);
        CliRun text = run("compare", v1.toString(), v2.toString());
        assertThat(text.status()).isZero();
        assertThat(text.out()).contains("Base:      circuit-board version 1", "Candidate: circuit-board version 2");
        assertThat(text.out()).containsPattern("truePositives +58 +47 +-11");
        assertThat(text.out()).containsPattern("f1Score +0\\.9508 +0\\.7769 +-0\\.1740");
        CliRun json = run("compare", "--json", v1.toString(), v2.toString());
        JsonNode doc = Json.mapper().readTree(json.out());
        JsonNode f1 = null;
        for (JsonNode d : doc.get("metrics")) {
            if (d.get("metric").asText().equals("f1Score")) {
                f1 = d;
            }
        }
        assertThat(f1.get("difference").asDouble())
                .isCloseTo(f1.get("candidate").asDouble() - f1.get("base").asDouble(), within(1e-15));
        // Summaries keep no per-image results: nothing to pair, and the document says so.
        assertThat(doc.get("tests").isNull()).isTrue();
        assertThat(doc.get("testsNote").asText()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "evaluate", "gate", "compare", "local", "dashboard"})
    void givenAnyCommand_whenHelpOrVersion_thenUsageOrVersionExitZero(String command) {
        List<String> prefix = command.isEmpty() ? List.of() : List.of(command);
        List<String> help = new ArrayList<>(prefix);
        help.add("--help");
        CliRun h = run(help.toArray(String[]::new));
        assertThat(h.status()).isZero();
        assertThat(h.out()).startsWith("Usage: lfv-metrics" + (command.isEmpty() ? "" : " " + command));
        List<String> version = new ArrayList<>(prefix);
        version.add("--version");
        CliRun v = run(version.toArray(String[]::new));
        assertThat(v.status()).isZero();
        assertThat(v.out()).startsWith("lfv-metrics ").doesNotContain("unknown");
    }

    @Test
    void givenOnlyTheNamedCommandIsModelled_whenHelpIsAsked_thenEveryCommandIsStillListed() {
        CliRun usage = run("--help");
        CliRun helpLocal = run("help", "local");

        assertThat(usage.out()).contains("evaluate", "gate", "compare", "local", "dashboard", "help");
        assertThat(helpLocal.status()).isZero();
        assertThat(helpLocal.out()).startsWith("Usage: lfv-metrics local").contains("--artifacts=DIR");
    }

    @Test
    void givenNoCommandOrMissingOption_whenRun_thenUsageOnStderrExitTwo() {
        CliRun none = run();
        assertThat(none.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(none.err()).startsWith("error: a command is required").contains("Commands:");
        CliRun missing = run("gate", "--manifest", artifact("circuit-board", "EvaluationManifest", 1));
        assertThat(missing.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(missing.err()).contains("missing required option --thresholds=FILE");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "evaluate --bogus|error: unknown option '--bogus'",
        "evaluate --manifest|error: --manifest needs a value (FILE)",
        "evaluate --manifest m.json --max-misclassified ten|error: --max-misclassified: 'ten' is not a whole number",
        "compare only-one.json|error: compare takes BASE CANDIDATE, got 1 argument(s)",
        "evaluate --manifest m.json extra|error: unexpected argument 'extra'",
        "evaluate --manif m.json|error: unknown option '--manif'",
        "frobnicate|error: unknown command 'frobnicate'",
        "local --artifacts . --port 70000|error: --port: 70000 is not a port (0-65535)"})
    void givenAMalformedCommandLine_whenRun_thenOneLineSaysWhatIsWrongAndExitIsTwo(String line, String message) {
        CliRun r = run(line.split(" "));

        assertThat(r.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err().lines().findFirst()).contains(message);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void givenAConfidenceLevel_whenEvaluated_thenTheIntervalsUseItAndTheReportShowsThem() throws IOException {
        CliRun json = run(evaluateArgs("circuit-board", 2, "--json", "--confidence-level", "0.9"));
        CliRun text = run(evaluateArgs("circuit-board", 2));
        CliRun bad = run(evaluateArgs("circuit-board", 2, "--confidence-level", "95"));

        assertThat(json.status()).as(json.err()).isZero();
        JsonNode intervals = Json.mapper().readTree(json.out()).path("intervals");
        assertThat(intervals.path("level").asDouble()).isEqualTo(0.9);
        assertThat(intervals.at("/recall/method").asText()).isEqualTo("wilson");
        assertThat(intervals.at("/recall/images").asLong()).isEqualTo(60);
        assertThat(text.out()).contains("95% interval").containsPattern("recall .*\\[0\\.\\d{4}, 0\\.\\d{4}\\] wilson");
        assertThat(bad.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(bad.err().strip()).isEqualTo("error: --confidence-level: must be between 0 and 1, not 95.0");
    }
}
