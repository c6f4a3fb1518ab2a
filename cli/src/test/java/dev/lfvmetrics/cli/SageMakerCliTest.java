package dev.lfvmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lfvmetrics.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate}, {@code gate} and {@code compare} on a dataset manifest with batch-transform predictions. */
class SageMakerCliTest {

    private static final Path DATA = CliRun.repositoryRoot().resolve("events/artifacts/lfv-samples/sagemaker-data");
    private static final String SCREWS = DATA.resolve("screws/test.manifest").toString();
    private static final String SCREWS_OUT = DATA.resolve("screws/transform-output").toString();
    private static final String TILES = DATA.resolve("tiles/test.manifest").toString();
    private static final String TILES_V1 = DATA.resolve("tiles/transform-output").toString();
    private static final String TILES_V2 = DATA.resolve("tiles/transform-output-v2").toString();
    private static final Path THRESHOLDS = CliRun.repositoryRoot().resolve("events/thresholds.json");

    @TempDir
    Path tmp;

    @Test
    void givenGroundTruthAndPredictions_whenEvaluatedAsJson_thenSummaryNamesBothInputs() throws IOException {
        CliRun r = CliRun.of("evaluate", "--manifest", SCREWS, "--predictions", SCREWS_OUT, "--json");

        assertThat(r.status()).as(r.err()).isZero();
        JsonNode summary = Json.mapper().readTree(r.out());
        assertThat(summary.at("/metrics/images").asLong()).isEqualTo(80);
        assertThat(summary.at("/metrics/anomalous").asLong()).isEqualTo(20);
        assertThat(summary.at("/sources/groundTruth").asText()).isEqualTo(SCREWS);
        assertThat(summary.at("/sources/predictions").asText()).isEqualTo(SCREWS_OUT);
        assertThat(summary.at("/sources/manifest").isNull()).isTrue();
        assertThat(summary.path("modelType").asText()).isEqualTo("CLASSIFICATION");
    }

    @Test
    void givenGroundTruthAndPredictions_whenEvaluatedAsText_thenTheReportNamesBothInputs() {
        CliRun r = CliRun.of("evaluate", "--manifest", SCREWS, "--predictions", SCREWS_OUT);

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("Ground truth: " + SCREWS, "Predictions:  " + SCREWS_OUT,
                "Test images:  80 (20 anomalous, 60 normal)", "Overall model performance", "Test results overview");
    }

    @Test
    void givenSegmentationGroundTruth_whenEvaluated_thenSegmentationWithItsLabels() throws IOException {
        CliRun r = CliRun.of("evaluate", "--manifest", TILES, "--predictions", TILES_V1, "--json");

        assertThat(r.status()).as(r.err()).isZero();
        JsonNode summary = Json.mapper().readTree(r.out());
        assertThat(summary.path("modelType").asText()).isEqualTo("SEGMENTATION");
        assertThat(summary.path("labels").findValuesAsText("name")).containsExactly("chip", "stain");
    }

    @Test
    void givenWriteManifest_whenEvaluated_thenTheWrittenManifestGivesTheSameSummary() throws IOException {
        Path written = tmp.resolve("EvaluationManifest-screws-1.json");

        CliRun joined = CliRun.of("evaluate", "--manifest", SCREWS, "--predictions", SCREWS_OUT, "--json",
                "--write-manifest", written.toString());
        CliRun reread = CliRun.of("evaluate", "--manifest", written.toString(), "--json");

        assertThat(joined.status()).as(joined.err()).isZero();
        assertThat(reread.status()).as(reread.err()).isZero();
        JsonNode a = Json.mapper().readTree(joined.out());
        JsonNode b = Json.mapper().readTree(reread.out());
        assertThat(b.path("metrics")).isEqualTo(a.path("metrics"));
        assertThat(b.path("curves")).isEqualTo(a.path("curves"));
        assertThat(a.at("/sources/manifest").asText()).isEqualTo(written.toString());
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files).containsExactly(written);
        }
    }

    @Test
    void givenProjectAndVersion_whenJoined_thenTheWrittenManifestNamesTheModelForThePipeline() throws IOException {
        Path written = tmp.resolve("joined.jsonl");

        CliRun joined = CliRun.of("evaluate", "--manifest", SCREWS, "--predictions", SCREWS_OUT, "--project",
                "screws", "--model-version", "4", "--write-manifest", written.toString());
        CliRun reread = CliRun.of("evaluate", "--manifest", written.toString(), "--json");

        assertThat(joined.status()).as(joined.err()).isZero();
        assertThat(joined.out()).contains("Model:        screws version 4");
        JsonNode model = Json.mapper().readTree(reread.out()).path("model");
        assertThat(model.path("project").asText()).isEqualTo("screws");
        assertThat(model.path("version").asText()).isEqualTo("4");
    }

    @Test
    void givenInvalidVersion_whenJoined_thenExitTwoNamingTheOption() {
        CliRun r = CliRun.of("evaluate", "--manifest", SCREWS, "--predictions", SCREWS_OUT, "--model-version",
                "v1");

        assertThat(r.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("error: --model-version: 'v1' is not a model version (1 to 10 digits)");
    }

    @Test
    void givenMissingPrediction_whenEvaluated_thenOneLineNamesImageAndFileAndNothingIsWritten() throws IOException {
        Path out = copyOf(SCREWS_OUT);
        Files.delete(out.resolve("test/normal-05.jpg.out"));
        Path written = tmp.resolve("joined.json");

        CliRun r = CliRun.of("evaluate", "--manifest", SCREWS, "--predictions", out.toString(), "--write-manifest",
                written.toString());

        assertThat(r.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).isEqualTo("error: " + SCREWS + ":6: no prediction for "
                + "s3://lfv-samples/sagemaker-data/screws/images/test/normal-05.jpg: no normal-05.jpg.out under "
                + out);
        assertThat(written).doesNotExist();
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.filter(f -> f.getFileName().toString().contains("partial"))).isEmpty();
        }
    }

    @Test
    void givenOutFileThatIsNotJson_whenEvaluated_thenExitTwoNamingTheFile() throws IOException {
        Path out = copyOf(SCREWS_OUT);
        Files.writeString(out.resolve("test/anomaly-00.jpg.out"), "not json");

        CliRun r = CliRun.of("evaluate", "--manifest", SCREWS, "--predictions", out.toString());

        assertThat(r.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).startsWith("error: " + out.resolve("test/anomaly-00.jpg.out")
                + " (prediction for s3://lfv-samples/sagemaker-data/screws/images/test/anomaly-00.jpg, line 1 of ")
                .contains("broken JSON").hasLineCount(1);
    }

    @Test
    void givenExtraOutFile_whenEvaluated_thenUnmatchedPredictionsAreReported() throws IOException {
        Path out = copyOf(SCREWS_OUT);
        Files.writeString(out.resolve("test/stray.jpg.out"), "{\"IsAnomalous\": true, \"Confidence\": 0.5}");

        CliRun r = CliRun.of("evaluate", "--manifest", SCREWS, "--predictions", out.toString());

        assertThat(r.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("error: " + out + ": 1 of 81 .out files match no image of " + SCREWS
                + ": test/stray.jpg.out");
    }

    @Test
    void givenSageMakerFormat_whenEvaluated_thenTheRegistryDocumentIsPrinted() throws IOException {
        CliRun json = CliRun.of("evaluate", "--manifest", SCREWS, "--predictions", SCREWS_OUT, "--json");
        CliRun registry = CliRun.of("evaluate", "--manifest", SCREWS, "--predictions", SCREWS_OUT, "--format",
                "sagemaker");

        assertThat(registry.status()).as(registry.err()).isZero();
        JsonNode metrics = Json.mapper().readTree(json.out()).path("metrics");
        JsonNode doc = Json.mapper().readTree(registry.out()).path("binary_classification_metrics");
        assertThat(doc.at("/confusion_matrix/1/1").asLong()).isEqualTo(metrics.path("truePositives").asLong());
        assertThat(doc.at("/precision/value").asDouble()).isEqualTo(metrics.path("precision").asDouble());
        assertThat(doc.at("/auc/value").asDouble()).isEqualTo(metrics.path("rocAuc").asDouble());
    }

    @Test
    void givenUnknownFormat_whenEvaluated_thenExitTwo() {
        CliRun r = CliRun.of("evaluate", "--manifest", SCREWS, "--predictions", SCREWS_OUT, "--format", "xml");

        assertThat(r.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("error: --format: must be text, json or sagemaker, not 'xml'");
    }

    @Test
    void givenWriteManifestWithoutPredictions_whenEvaluated_thenExitTwo() {
        CliRun r = CliRun.of("evaluate", "--manifest", SCREWS, "--write-manifest", tmp.resolve("x").toString());

        assertThat(r.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("error: --write-manifest: needs --predictions");
    }

    @Test
    void givenTwoPredictionSets_whenCompared_thenTheDifferencesAreTheSummaries() throws IOException {
        CliRun base = CliRun.of("evaluate", "--manifest", TILES, "--predictions", TILES_V1, "--json");
        CliRun candidate = CliRun.of("evaluate", "--manifest", TILES, "--predictions", TILES_V2, "--json");

        CliRun r = CliRun.of("compare", TILES, TILES, "--base-predictions", TILES_V1, "--candidate-predictions",
                TILES_V2, "--json");

        assertThat(r.status()).as(r.err()).isZero();
        double f1Base = Json.mapper().readTree(base.out()).at("/metrics/f1Score").asDouble();
        double f1Candidate = Json.mapper().readTree(candidate.out()).at("/metrics/f1Score").asDouble();
        JsonNode f1 = null;
        for (JsonNode delta : Json.mapper().readTree(r.out()).path("metrics")) {
            f1 = "f1Score".equals(delta.path("metric").asText()) ? delta : f1;
        }
        assertThat(f1).isNotNull();
        assertThat(f1.path("base").asDouble()).isEqualTo(f1Base);
        assertThat(f1.path("candidate").asDouble()).isEqualTo(f1Candidate);
        JsonNode tests = Json.mapper().readTree(r.out()).path("tests");
        assertThat(tests.path("identicalTestSets").asBoolean()).isTrue();
        assertThat(tests.path("pairedImages").asLong())
                .isEqualTo(Json.mapper().readTree(base.out()).at("/metrics/images").asLong());
        assertThat(tests.at("/accuracy/pValue").isNumber()).isTrue();
        assertThat(tests.at("/f1Score/difference").asDouble()).isCloseTo(f1Candidate - f1Base, within(1e-12));
    }

    @Test
    void givenManifestBaseline_whenGated_thenTheNoisyDropIsInconclusiveAndOnlyAnyModeMakesItABreach()
            throws IOException {
        Path baseline = tmp.resolve("v1.jsonl");
        assertThat(CliRun.of("evaluate", "--manifest", TILES, "--predictions", TILES_V1, "--write-manifest",
                baseline.toString()).status()).isZero();
        Path drops = tmp.resolve("drops.json");
        Files.writeString(drops, "{\"maximumDrops\": {\"f1Score\": 0.02, \"recall\": 0.05}}");
        Path any = tmp.resolve("any.json");
        Files.writeString(any, "{\"maximumDrops\": {\"f1Score\": 0.02, \"recall\": 0.05}, "
                + "\"regression\": {\"mode\": \"any\"}}");

        CliRun fromManifest = CliRun.of("gate", "--manifest", TILES, "--predictions", TILES_V2, "--thresholds",
                drops.toString(), "--baseline", baseline.toString(), "--json");
        CliRun fromPair = CliRun.of("gate", "--manifest", TILES, "--predictions", TILES_V2, "--thresholds",
                drops.toString(), "--baseline", TILES, "--baseline-predictions", TILES_V1, "--json");
        CliRun text = CliRun.of("gate", "--manifest", TILES, "--predictions", TILES_V2, "--thresholds",
                drops.toString(), "--baseline", baseline.toString());
        CliRun anyMode = CliRun.of("gate", "--manifest", TILES, "--predictions", TILES_V2, "--thresholds",
                any.toString(), "--baseline", baseline.toString(), "--json");

        assertThat(fromManifest.status()).as(fromManifest.err()).isEqualTo(Main.OK);
        assertThat(fromPair.status()).as(fromPair.err()).isEqualTo(Main.OK);
        JsonNode doc = Json.mapper().readTree(fromManifest.out());
        assertThat(doc.path("breaches")).isEmpty();
        JsonNode inconclusive = doc.path("inconclusive");
        assertThat(inconclusive.findValuesAsText("kind")).containsExactly("INCONCLUSIVE", "INCONCLUSIVE");
        assertThat(inconclusive.findValuesAsText("method")).containsExactly("paired-bootstrap", "mcnemar");
        assertThat(Json.mapper().readTree(fromPair.out()).path("inconclusive")).isEqualTo(inconclusive);
        assertThat(text.out()).startsWith("PASS: ").contains("Inconclusive (drops beyond their limit that the paired "
                + "test cannot tell from noise; not breaches):", "  INCONCLUSIVE recall: recall dropped by 0.1000");
        assertThat(anyMode.status()).as(anyMode.err()).isEqualTo(Main.BREACH);
        assertThat(Json.mapper().readTree(anyMode.out()).path("breaches").findValuesAsText("kind"))
                .containsExactly("REGRESSION", "REGRESSION");
    }

    private Path copyOf(String folder) throws IOException {
        Path source = Path.of(folder);
        Path target = tmp.resolve("out");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        }
        return target;
    }
}
