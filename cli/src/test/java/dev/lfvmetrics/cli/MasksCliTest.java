package dev.lfvmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lfvmetrics.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate --masks DIR} on core's mask test vectors (scripts/reference/mask_vectors.py). */
class MasksCliTest {

    private static final Path VECTORS = CliRun.repositoryRoot().resolve("core/src/test/resources/masks");
    private static final String MANIFEST = VECTORS.resolve("manifest.jsonl").toString();

    @TempDir
    Path tmp;

    @Test
    void givenMasks_whenEvaluatedAsJson_thenEachLabelCarriesTheFiguresOfItsMasks() throws IOException {
        CliRun run = CliRun.of("evaluate", "--manifest", MANIFEST, "--masks", VECTORS.toString(), "--json");

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode summary = Json.mapper().readTree(run.out());
        JsonNode expected = Json.mapper().readTree(VECTORS.resolve("expected.json").toFile()).get("labels");
        for (JsonNode label : summary.get("labels")) {
            JsonNode want = expected.get(label.get("name").asText());
            JsonNode got = label.get("fromMasks");
            for (String figure : new String[] {"meanIou", "pooledIou", "precision", "recall", "f1Score"}) {
                assertThat(got.get(figure).asDouble()).as(label.get("name") + " " + figure)
                        .isCloseTo(want.get(figure).asDouble(), within(1e-12));
            }
            assertThat(got.get("imagesCompared").asLong()).isEqualTo(want.get("imagesCompared").asLong());
        }
        assertThat(summary.at("/masks/unmappedPixels").asLong()).isEqualTo(28);
    }

    @Test
    void givenNoMasksOption_whenEvaluated_thenNoMaskFiguresAsBefore() throws IOException {
        CliRun run = CliRun.of("evaluate", "--manifest", MANIFEST, "--json");

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode summary = Json.mapper().readTree(run.out());
        assertThat(summary.has("masks")).isFalse();
        assertThat(summary.get("labels").findValues("fromMasks")).isEmpty();
    }

    @Test
    void givenTheTextReport_whenEvaluated_thenTheMasksTableAndTheUnmappedColourArePrinted() {
        CliRun run = CliRun.of("evaluate", "--manifest", MANIFEST, "--masks", VECTORS.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("Per-label figures from the masks (pixels; F1 = Dice; change = computed - "
                + "reported)", "  dent                    1     0.2857     0.2857     0.4444",
                "Masks: 27 read on 14 lines; 28 pixels of colours in no colour map",
                "  line 13: s3://lfv-samples/masks/predicted-13.png: #123456 x 28");
    }

    @Test
    void givenAMissingMask_whenEvaluated_thenOneLineNamesTheLineAndTheFileAndExitTwo() throws IOException {
        Path manifest = tmp.resolve("m.jsonl");
        Files.writeString(manifest, Files.readAllLines(VECTORS.resolve("manifest.jsonl")).get(0) + "\n");

        CliRun run = CliRun.of("evaluate", "--manifest", manifest.toString(), "--masks", VECTORS.toString());

        assertThat(run.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err().strip()).isEqualTo("error: " + manifest + ":1: mask truth-01.png: no such file ("
                + tmp.resolve("truth-01.png") + ")");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void givenBatchTransformPredictions_whenMasksAreAsked_thenItSaysTheyCarryNone() {
        CliRun run = CliRun.of("evaluate", "--manifest", MANIFEST, "--predictions", tmp.toString(), "--masks",
                VECTORS.toString());

        assertThat(run.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err()).contains("--masks: reads the masks an evaluation manifest names; batch transform "
                + "predictions carry no predicted masks");
    }
}
