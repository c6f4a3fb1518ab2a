package dev.lfvmetrics.core.masks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lfvmetrics.core.Fixtures;
import dev.lfvmetrics.core.error.InvalidInputException;
import dev.lfvmetrics.core.evaluate.EvaluationOptions;
import dev.lfvmetrics.core.evaluate.Evaluator;
import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.core.summary.LabelMetrics;
import dev.lfvmetrics.core.summary.MaskFigures;
import dev.lfvmetrics.core.summary.MaskLine;
import dev.lfvmetrics.core.summary.Summary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The masks' figures against NumPy's (scripts/reference/mask_vectors.py), and every bad mask input. */
class MaskEvaluationTest {

    private static final Path VECTORS = Fixtures.resource("masks");
    private static final Evaluator EVALUATOR = new Evaluator(EvaluationOptions.defaults());

    @TempDir
    Path tmp;

    private static Summary evaluate(Path manifest, MaskSource masks, int threads) throws IOException {
        Summary summary = EVALUATOR.evaluate(manifest, null, null, null);
        try (InputStream in = Files.newInputStream(manifest)) {
            return new MaskEvaluation(masks, threads).apply(summary, in, manifest.toString());
        }
    }

    private static Map<String, MaskFigures> byLabel(Summary s) {
        return s.labels().stream().collect(Collectors.toMap(LabelMetrics::name, LabelMetrics::fromMasks));
    }

    @Test
    void givenTheReferenceMasks_whenEvaluated_thenEveryLabelsFiguresAreNumpys() throws IOException {
        JsonNode expected = Json.mapper().readTree(VECTORS.resolve("expected.json").toFile());

        Summary s = evaluate(VECTORS.resolve("manifest.jsonl"), new FolderMasks(VECTORS, VECTORS), 4);

        Map<String, MaskFigures> figures = byLabel(s);
        assertThat(figures.keySet()).containsExactlyInAnyOrder("scratch", "crack", "dent");
        expected.get("labels").fields().forEachRemaining(e -> {
            MaskFigures f = figures.get(e.getKey());
            JsonNode x = e.getValue();
            assertThat(f.meanIou()).as(e.getKey() + " meanIou").isCloseTo(x.get("meanIou").asDouble(), within(1e-12));
            assertThat(f.pooledIou()).as(e.getKey() + " pooledIou").isCloseTo(x.get("pooledIou").asDouble(),
                    within(1e-12));
            assertThat(f.precision()).isCloseTo(x.get("precision").asDouble(), within(1e-12));
            assertThat(f.recall()).isCloseTo(x.get("recall").asDouble(), within(1e-12));
            assertThat(f.f1Score()).isCloseTo(x.get("f1Score").asDouble(), within(1e-12));
            assertThat(f.imagesCompared()).isEqualTo(x.get("imagesCompared").asLong());
            assertThat(f.truthPixels()).isEqualTo(x.get("truthPixels").asLong());
            assertThat(f.predictedPixels()).isEqualTo(x.get("predictedPixels").asLong());
            assertThat(f.intersection()).isEqualTo(x.get("intersection").asLong());
        });
        assertThat(s.masks().linesWithMasks()).isEqualTo(expected.get("linesWithMasks").asLong());
        assertThat(s.masks().unmapped()).singleElement().satisfies(u -> {
            JsonNode x = expected.get("unmapped").get(0);
            assertThat(u.line()).isEqualTo(x.get("line").asLong());
            assertThat(u.file()).isEqualTo(x.get("file").asText());
            assertThat(u.colour()).isEqualTo(x.get("colour").asText());
            assertThat(u.pixels()).isEqualTo(x.get("pixels").asLong());
        });
        assertThat(s.masks().unmappedPixels()).isEqualTo(expected.get("unmapped").get(0).get("pixels").asLong());
        // Without reported figures there is nothing to subtract.
        assertThat(figures.get("crack").differences()).satisfies(d -> {
            assertThat(d.f1Score()).isNull();
            assertThat(d.averageIou()).isNull();
        });
    }

    @Test
    void givenTheReferenceMasks_whenEvaluated_thenEachLineWithMasksIsDescribedWithItsLegends() throws IOException {
        Path manifest = VECTORS.resolve("manifest.jsonl");
        List<MaskLine> lines = new ArrayList<>();
        Summary summary = EVALUATOR.evaluate(manifest, null, null, null);
        try (InputStream in = Files.newInputStream(manifest)) {
            new MaskEvaluation(new FolderMasks(VECTORS, VECTORS), 2).apply(summary, in, "m", lines::add);
        }

        assertThat(lines).extracting(MaskLine::line).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 12L,
                13L, 14L, 15L);
        assertThat(lines.get(0).truthRef()).isEqualTo("truth-01.png");
        assertThat(lines.get(0).predictedRef()).isEqualTo("s3://lfv-samples/masks/predicted-01.png");
        assertThat(lines.get(1).truthLegend()).as("upper-case hex and name keys, BACKGROUND left out")
                .containsExactly(new MaskLine.LegendEntry("scratch", "#2ca02c"),
                        new MaskLine.LegendEntry("crack", "#d62728"));
        assertThat(lines.get(12).predictedRef()).isNull();
        assertThat(lines.get(12).predictedLegend()).isEmpty();
        assertThat(lines.get(13).predictedRef()).as("an RGBA truth and a palette prediction").endsWith("-15.png");
    }

    @Test
    void givenOneWorkerOrEight_whenEvaluated_thenTheSameSummary() throws IOException {
        Path manifest = VECTORS.resolve("manifest.jsonl");
        FolderMasks masks = new FolderMasks(VECTORS, VECTORS);

        assertThat(evaluate(manifest, masks, 1).labels()).isEqualTo(evaluate(manifest, masks, 8).labels());
    }

    @Test
    void givenAReportedF1_whenEvaluated_thenTheDifferenceIsComputedMinusReported() {
        Summary s = EVALUATOR.evaluate(VECTORS.resolve("manifest.jsonl"), null, null, null);
        Summary reported = s.withMasks(List.of(new LabelMetrics("crack", 9, 9, 0.5, 0.5, 0.5, 0.1)), null);
        Summary withMasks;
        try (InputStream in = Files.newInputStream(VECTORS.resolve("manifest.jsonl"))) {
            withMasks = new MaskEvaluation(new FolderMasks(VECTORS, VECTORS), 2).apply(reported, in, "m");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        MaskFigures crack = byLabel(withMasks).get("crack");
        assertThat(crack.differences().f1Score()).isCloseTo(crack.f1Score() - 0.5, within(1e-15));
        assertThat(crack.differences().averageIou()).isCloseTo(crack.meanIou() - 0.1, within(1e-15));
        assertThat(withMasks.labels().get(0).f1Score()).as("the service's figure stays").isEqualTo(0.5);
    }

    /** Line 1 of the vectors with its truth mask replaced by {@code ref} (and other edits). */
    private Path manifestWith(Function<String, String> edit) throws IOException {
        String first = Files.readAllLines(VECTORS.resolve("manifest.jsonl")).get(0);
        Path manifest = tmp.resolve("manifest.jsonl");
        Files.writeString(manifest, "\n" + edit.apply(first) + "\n");
        Files.copy(VECTORS.resolve("truth-01.png"), tmp.resolve("truth-01.png"));
        Files.createDirectories(tmp.resolve("lfv-samples/masks"));
        Files.copy(VECTORS.resolve("lfv-samples/masks/predicted-01.png"),
                tmp.resolve("lfv-samples/masks/predicted-01.png"));
        return manifest;
    }

    private void assertRejected(Path manifest, String problem) {
        assertThatThrownBy(() -> evaluate(manifest, new FolderMasks(tmp, tmp), 2))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.source()).isEqualTo(manifest.toString());
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.problem()).startsWith(problem);
                });
    }

    @Test
    void givenAMissingMaskFile_whenEvaluated_thenTheLineAndTheFileAreNamed() throws IOException {
        assertRejected(manifestWith(l -> l.replace("truth-01.png", "truth-99.png")),
                "mask truth-99.png: no such file (" + tmp.resolve("truth-99.png"));
    }

    @Test
    void givenMasksOfDifferentSizes_whenEvaluated_thenBothSizesAreNamed() throws IOException {
        Path manifest = manifestWith(l -> l.replace("truth-01.png", "small.png"));
        Files.write(tmp.resolve("small.png"), Files.readAllBytes(VECTORS.resolve("small-4x3.png")));
        assertRejected(manifest, "the masks differ in size: small.png is 4x3, "
                + "s3://lfv-samples/masks/predicted-01.png is 40x30");
    }

    @Test
    void givenAFileThatIsNoImage_whenEvaluated_thenItSaysSo() throws IOException {
        Path manifest = manifestWith(l -> l.replace("truth-01.png", "broken.png"));
        Files.writeString(tmp.resolve("broken.png"), "not a png");
        assertRejected(manifest, "mask broken.png cannot be read: not an image format that can be read");
    }

    @Test
    void givenAnAnomalousImageWithoutAGroundTruthMask_whenEvaluated_thenItIsAnError() throws IOException {
        assertRejected(manifestWith(l -> l.replace("\"anomaly-mask-ref\": \"truth-01.png\", ", "")),
                "the image is anomalous but names no ground-truth mask (anomaly-mask-ref)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../outside.png", "s3://lfv-samples/../../outside.png"})
    void givenAReferenceLeavingItsFolder_whenEvaluated_thenItIsRefused(String ref) throws IOException {
        assertRejected(manifestWith(l -> l.replace("truth-01.png", ref)), "mask " + ref + " cannot be read: "
                + "the reference leaves");
    }

    @Test
    void givenAColourThatIsNoColour_whenEvaluated_thenTheEntryIsNamed() throws IOException {
        assertRejected(manifestWith(l -> l.replaceFirst("#2ca02c", "green")),
                "anomaly-mask-ref-metadata.internal-color-map.1: hex-color 'green' is not a colour");
    }
}
