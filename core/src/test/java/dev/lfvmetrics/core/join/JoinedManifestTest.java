package dev.lfvmetrics.core.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lfvmetrics.core.Fixtures;
import dev.lfvmetrics.core.error.InvalidInputException;
import dev.lfvmetrics.core.evaluate.EvaluationOptions;
import dev.lfvmetrics.core.evaluate.Evaluator;
import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.core.predictions.FolderPredictions;
import dev.lfvmetrics.core.summary.LabelMetrics;
import dev.lfvmetrics.core.summary.Summary;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JoinedManifestTest {

    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    private static final Evaluator EVALUATOR = new Evaluator(EvaluationOptions.defaults().withClock(FIXED));
    private static final String OUT = "{\"Source\": {\"Type\": \"direct\"}, \"IsAnomalous\": %s, \"Confidence\": %s}";

    @TempDir
    Path dir;

    private static Summary join(Path groundTruth, Path predictions, ByteArrayOutputStream copy) throws IOException {
        try (InputStream gt = Files.newInputStream(groundTruth)) {
            JoinedManifest joined = new JoinedManifest(gt, groundTruth.toString(), new FolderPredictions(predictions),
                    null, new JoinIdentity("arn:aws:sagemaker:us-east-1:123456789012:training-job/j", "p", "3"),
                    copy);
            return EVALUATOR.evaluate(joined, groundTruth.toString(), null, null, null, null);
        }
    }

    private Path groundTruth(String... lines) throws IOException {
        Path file = dir.resolve("gt.manifest");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    private Path out(String key, boolean anomalous, double confidence) throws IOException {
        Path file = dir.resolve("out").resolve(key + ".out");
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.format(OUT, anomalous, confidence));
        return file;
    }

    private static String gtLine(String sourceRef, String className) {
        return "{\"source-ref\":\"" + sourceRef + "\",\"anomaly-label\":1,\"anomaly-label-metadata\":{\"class-name\":\""
                + className + "\",\"type\":\"groundtruth/image-classification\"}}";
    }

    @Test
    void givenMessyGroundTruth_whenJoined_thenSummaryEqualsTheEquivalentEvaluationManifests() throws IOException {
        Path gt = Fixtures.resource("sagemaker/messy/ground-truth.manifest");
        Summary joined = join(gt, Fixtures.resource("sagemaker/messy/predictions"), null);
        Summary expected = EVALUATOR.evaluate(Fixtures.resource("sagemaker/messy/expected-evaluation.manifest"),
                null, null, null);

        assertThat(joined.metrics()).isEqualTo(expected.metrics());
        assertThat(joined.curves()).isEqualTo(expected.curves());
        assertThat(joined.bestThreshold()).isEqualTo(expected.bestThreshold());
        assertThat(joined.misclassified().total()).isEqualTo(2);
        assertThat(joined.misclassified().images()).extracting(i -> i.line()).containsExactlyInAnyOrder(2L, 5L);
        assertThat(joined.modelType()).isEqualTo("SEGMENTATION");
        assertThat(joined.labels()).extracting(LabelMetrics::name).containsExactly("cracked");
        assertThat(joined.model().project()).isEqualTo("p");
        assertThat(joined.model().version()).isEqualTo("3");
        assertThat(joined.model().modelArn()).endsWith(":training-job/j");
    }

    @Test
    void givenWriteManifestCopy_whenJoined_thenCopyIsAnEvaluationManifestGivingTheSameFigures() throws IOException {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        Path gt = Fixtures.resource("sagemaker/messy/ground-truth.manifest");
        Summary joined = join(gt, Fixtures.resource("sagemaker/messy/predictions"), copy);
        Path written = dir.resolve("joined.manifest");
        Files.write(written, copy.toByteArray());

        Summary reread = EVALUATOR.evaluate(written, null, null, null);

        assertThat(reread.metrics()).isEqualTo(joined.metrics());
        assertThat(Files.readAllLines(written)).hasSize(5);
        assertThat(Json.mapper().readTree(Files.readAllLines(written).get(0))
                .at("/anomaly-label-detected-metadata/prediction-ref").asText())
                .endsWith("x/anomaly-1.jpg.out");
    }

    @Test
    void givenImageWithoutOutFile_whenJoined_thenErrorNamesImageAndLine() throws IOException {
        out("x/a.jpg", true, 0.9);
        Path gt = groundTruth(gtLine("s3://b/test/x/a.jpg", "anomaly"), gtLine("s3://b/test/x/b.jpg", "normal"));

        assertThatThrownBy(() -> join(gt, dir.resolve("out"), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(gt + ":2: no prediction for s3://b/test/x/b.jpg: no b.jpg.out under " + dir.resolve("out"));
    }

    @Test
    void givenTwoOutFilesMatchingEquallyWell_whenJoined_thenAmbiguityNamesBoth() throws IOException {
        out("left/a.jpg", true, 0.9);
        out("right/a.jpg", true, 0.8);
        Path gt = groundTruth(gtLine("s3://b/test/x/a.jpg", "anomaly"));

        assertThatThrownBy(() -> join(gt, dir.resolve("out"), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(gt + ":1: ambiguous prediction for s3://b/test/x/a.jpg: ")
                .hasMessageContaining("left/a.jpg.out").hasMessageContaining("right/a.jpg.out");
    }

    @Test
    void givenLongerSuffixMatch_whenJoined_thenItWinsOverShorterOnes() throws IOException {
        out("x/a.jpg", true, 0.9);
        out("y/a.jpg", false, 0.8);
        Path gt = groundTruth(gtLine("s3://b/test/x/a.jpg", "anomaly"), gtLine("s3://b/test/y/a.jpg", "normal"));

        Summary s = join(gt, dir.resolve("out"), null);

        assertThat(s.metrics().truePositives()).isEqualTo(1);
        assertThat(s.metrics().trueNegatives()).isEqualTo(1);
    }

    @Test
    void givenTwoImagesClaimingOneOutFile_whenJoined_thenAmbiguityNamesTheFirstClaimant() throws IOException {
        out("a.jpg", true, 0.9);
        Path gt = groundTruth(gtLine("s3://b/x/a.jpg", "anomaly"), gtLine("s3://b/y/a.jpg", "normal"));

        assertThatThrownBy(() -> join(gt, dir.resolve("out"), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(gt + ":2: ambiguous prediction for s3://b/y/a.jpg: ")
                .hasMessageContaining("already matched s3://b/x/a.jpg (line 1)");
    }

    @Test
    void givenInputPrefix_whenJoined_thenRelativeKeyIsMatchedFirst() throws IOException {
        out("x/a.jpg", true, 0.9);
        out("test/x/a.jpg", false, 0.9);
        Path gt = groundTruth(gtLine("s3://b/test/x/a.jpg", "anomaly"));
        try (InputStream in = Files.newInputStream(gt)) {
            JoinedManifest joined = new JoinedManifest(in, gt.toString(), new FolderPredictions(dir.resolve("out")),
                    "s3://b/test", JoinIdentity.NONE, null);
            // The other .out is then unmatched: reported, so nothing is evaluated on a silently different set.
            assertThatThrownBy(() -> EVALUATOR.evaluate(joined, gt.toString(), null, null, null, null))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage(dir.resolve("out") + ": 1 of 2 .out files match no image of " + gt
                            + ": test/x/a.jpg.out");
        }
    }

    @Test
    void givenOutFileThatIsNotThePredictionJson_whenJoined_thenErrorNamesFileAndImage() throws IOException {
        Path bad = dir.resolve("out/a.jpg.out");
        Files.createDirectories(bad.getParent());
        Files.writeString(bad, "{\"IsAnomalous\": \"yes\", \"Confidence\": 0.5}");
        Path gt = groundTruth(gtLine("s3://b/a.jpg", "anomaly"));

        assertThatThrownBy(() -> join(gt, dir.resolve("out"), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(bad + " (prediction for s3://b/a.jpg, line 1 of " + gt + "): not a batch-transform "
                        + "prediction: IsAnomalous is missing or not true/false");
    }

    @Test
    void givenOutFileWithConfidenceOutOfRange_whenJoined_thenErrorSaysSo() throws IOException {
        out("a.jpg", true, 1.5);
        Path gt = groundTruth(gtLine("s3://b/a.jpg", "anomaly"));

        assertThatThrownBy(() -> join(gt, dir.resolve("out"), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageEndingWith("Confidence 1.5 is outside [0, 1]");
    }

    @Test
    void givenUnknownClassName_whenJoined_thenErrorNamesImageLineAndClass() throws IOException {
        out("a.jpg", true, 0.9);
        Path gt = groundTruth(gtLine("s3://b/a.jpg", "scratched"));

        assertThatThrownBy(() -> join(gt, dir.resolve("out"), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(gt + ":1: s3://b/a.jpg: unknown class-name 'scratched' in anomaly-label-metadata "
                        + "(expected anomaly or normal, in any case)");
    }

    @Test
    void givenLineWithoutClassificationBlock_whenJoined_thenErrorNamesIt() throws IOException {
        out("a.jpg", true, 0.9);
        Path gt = groundTruth("{\"source-ref\":\"s3://b/a.jpg\",\"label\":1}");

        assertThatThrownBy(() -> join(gt, dir.resolve("out"), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(gt + ":1: s3://b/a.jpg: no ground truth (no *-metadata with type "
                        + "groundtruth/image-classification)");
    }

    @Test
    void givenUnmatchedOutFiles_whenJoined_thenTheyAreReportedWithTheirCount() throws IOException {
        out("a.jpg", true, 0.9);
        out("b.jpg", true, 0.9);
        out("c.jpg", true, 0.9);
        Path gt = groundTruth(gtLine("s3://b/a.jpg", "anomaly"));

        assertThatThrownBy(() -> join(gt, dir.resolve("out"), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(dir.resolve("out") + ": 2 of 3 .out files match no image of " + gt
                        + ": b.jpg.out, c.jpg.out");
    }

    @Test
    void givenEmptyGroundTruth_whenJoined_thenNoTestImages() throws IOException {
        Path gt = groundTruth("", "");
        Files.createDirectories(dir.resolve("out"));

        assertThatThrownBy(() -> join(gt, dir.resolve("out"), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(gt + ": no test images");
    }

    @Test
    void givenByteOrderMarkAndCrlf_whenJoined_thenLinesAreRead() throws IOException {
        out("a.jpg", false, 0.9);
        Path gt = dir.resolve("bom.manifest");
        Files.write(gt, ("\uFEFF" + gtLine("a.jpg", "Normal") + "\r\n").getBytes(StandardCharsets.UTF_8));

        Summary s = join(gt, dir.resolve("out"), null);

        assertThat(s.metrics().trueNegatives()).isEqualTo(1);
    }

    private Path manyImages(int n, int badAt, int alsoBadAt) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i % 17 == 5) {
                lines.add("");
                continue;
            }
            lines.add(gtLine("s3://b/test/img-" + i + ".jpg", i % 3 == 0 ? "anomaly" : "normal"));
            Path file = out("img-" + i + ".jpg", i % 2 == 0, (i % 10) / 10.0 + 0.05);
            if (i == badAt || i == alsoBadAt) {
                Files.writeString(file, "{\"IsAnomalous\": 1, \"Confidence\": 0.5}");
            }
        }
        return groundTruth(lines.toArray(String[]::new));
    }

    private static byte[] joinedBytes(Path gt, Path predictions, Executor fetcher)
            throws IOException {
        try (InputStream in = Files.newInputStream(gt)) {
            return new JoinedManifest(in, gt.toString(), new FolderPredictions(predictions), null, JoinIdentity.NONE,
                    null, fetcher).readAllBytes();
        }
    }

    @Test
    void givenExecutor_whenJoined_thenTheBytesEqualTheSequentialJoin() throws IOException {
        Path gt = manyImages(300, -1, -1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            byte[] parallel = joinedBytes(gt, dir.resolve("out"), pool);
            assertThat(parallel).isEqualTo(joinedBytes(gt, dir.resolve("out"), null));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenExecutorAndTwoBadOutFiles_whenJoined_thenTheFirstInFileOrderIsReported() throws IOException {
        Path gt = manyImages(200, 150, 20);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            assertThatThrownBy(() -> joinedBytes(gt, dir.resolve("out"), pool))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith(dir.resolve("out/img-20.jpg.out")
                            + " (prediction for s3://b/test/img-20.jpg");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenStreamReadByteByByte_whenJoined_thenBytesEqualBulkRead() throws IOException {
        Path gt = Fixtures.resource("sagemaker/messy/ground-truth.manifest");
        Path predictions = Fixtures.resource("sagemaker/messy/predictions");
        ByteArrayOutputStream bulk = new ByteArrayOutputStream();
        ByteArrayOutputStream single = new ByteArrayOutputStream();
        try (InputStream in = Files.newInputStream(gt); InputStream again = Files.newInputStream(gt)) {
            new JoinedManifest(in, "gt", new FolderPredictions(predictions), null, null, null).transferTo(bulk);
            JoinedManifest bytes = new JoinedManifest(again, "gt", new FolderPredictions(predictions), null, null,
                    null);
            for (int b = bytes.read(); b >= 0; b = bytes.read()) {
                single.write(b);
            }
        }
        assertThat(single.toByteArray()).isEqualTo(bulk.toByteArray());
        assertThat(List.of(new String(bulk.toByteArray(), StandardCharsets.UTF_8).split("\n", -1))).hasSize(6);
        assertThat(new ByteArrayInputStream(bulk.toByteArray()).readAllBytes()).isNotEmpty();
    }
}
