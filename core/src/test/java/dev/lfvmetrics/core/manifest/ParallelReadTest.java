package dev.lfvmetrics.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lfvmetrics.core.Fixtures;
import dev.lfvmetrics.core.error.InvalidInputException;
import dev.lfvmetrics.core.evaluate.EvaluationOptions;
import dev.lfvmetrics.core.evaluate.Evaluator;
import dev.lfvmetrics.core.summary.Sources;
import dev.lfvmetrics.core.summary.Summary;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading a large manifest split into byte ranges on several threads gives the very summary of one sequential
 * pass, and an error its line number in the whole file. The manifest is made from the bundled samples' real lines
 * (classification and segmentation, both classes) with their confidences redrawn to two decimals, so that many
 * anomalous and normal images tie; it starts with a byte order mark and has CRLF and blank lines.
 */
class ParallelReadTest {

    private static final Pattern CONFIDENCE = Pattern.compile("\"confidence\":\\s*[0-9.eE+-]+");
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path tmp;

    private static List<String> templates;

    @BeforeAll
    static void readTemplates() throws IOException {
        templates = new ArrayList<>();
        for (Path f : List.of(Fixtures.sample("circuit-board", "EvaluationManifest-circuit-board-2.json"),
                Fixtures.sample("cookies", "EvaluationManifest-cookies-1.json"))) {
            for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (!l.isBlank()) {
                    templates.add(l.strip());
                }
            }
        }
    }

    /** Writes a manifest past the split threshold; {@code badLines} maps 0-based image index to a bad line. */
    private static Path manifest(String name, long seed, int images, Map<Integer, String> badLines)
            throws IOException {
        Random rng = new Random(seed);
        Path out = tmp.resolve(name);
        try (OutputStream o = Files.newOutputStream(out)) {
            o.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            for (int i = 0; i < images; i++) {
                String bad = badLines.get(i);
                String line = bad != null ? bad : redraw(templates.get(rng.nextInt(templates.size())), rng);
                o.write(line.getBytes(StandardCharsets.UTF_8));
                o.write((rng.nextInt(10) == 0 ? "\r\n" : "\n").getBytes(StandardCharsets.US_ASCII));
                if (rng.nextInt(200) == 0) {
                    o.write('\n');
                }
            }
        }
        return out;
    }

    private static String redraw(String template, Random rng) {
        Matcher m = CONFIDENCE.matcher(template);
        assertThat(m.find()).as("template has a confidence: %s", template).isTrue();
        String conf = String.format(Locale.ROOT, "%.2f", 0.5 + rng.nextInt(51) / 100.0);
        return m.replaceFirst("\"confidence\":" + conf);
    }

    private static Summary summary(Path file, int threads) {
        Accumulator acc = new ManifestReader(40, threads).read(file, null);
        return new Evaluator(EvaluationOptions.defaults().withClock(FIXED))
                .summarise(acc, null, null, new Sources(file.toString(), null, null));
    }

    @Test
    void givenGeneratedManifestWithTiesBothClassesAndMasks_whenReadInRanges_thenSameSummaryAsOnePass()
            throws IOException {
        Path file = manifest("mixed.jsonl", 1, 9_000, Map.of());
        assertThat(Files.size(file)).isGreaterThan(ManifestReader.PARALLEL_THRESHOLD);
        Summary sequential = summary(file, 1);
        assertThat(sequential.metrics().anomalous()).isPositive();
        assertThat(sequential.metrics().normal()).isPositive();
        assertThat(sequential.labels()).isNotEmpty();
        assertThat(sequential.misclassified().total()).isGreaterThan(40);
        for (int threads : new int[] {2, 3, 4, 7}) {
            assertThat(ManifestReader.splitPoints(file, Files.size(file), threads)).hasSize(threads + 1);
            assertThat(summary(file, threads)).as("%d threads", threads).isEqualTo(sequential);
        }
    }

    @Test
    void givenModelIdentityOnlyFromTwoThirdsOfTheFileOn_whenReadInRanges_thenSameIdentityAsOnePass()
            throws IOException {
        Path whole = manifest("identity.jsonl", 5, 9_000, Map.of());
        List<String> lines = Files.readAllLines(whole, StandardCharsets.UTF_8);
        Path file = tmp.resolve("identity-late.jsonl");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (i < lines.size() * 2 / 3) {
                l = l.replaceAll(",?\\s*\"(model-arn|project-name|model-version)\":\\s*\"[^\"]*\"", "");
            } else if (i < lines.size() * 5 / 6) {
                l = l.replaceAll("model/[a-z-]+/[0-9]+", "model/late/7").replaceAll("\"project-name\":\\s*\"[^\"]*\"",
                        "\"project-name\":\"late\"").replaceAll("\"model-version\":\\s*\"[^\"]*\"",
                        "\"model-version\":\"7\"");
            }
            out.append(l).append('\n');
        }
        Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
        Summary sequential = summary(file, 1);
        assertThat(sequential.model().project()).isEqualTo("late");
        assertThat(sequential.model().version()).isEqualTo("7");
        for (int threads : new int[] {2, 3, 4}) {
            assertThat(summary(file, threads)).as("%d threads", threads).isEqualTo(sequential);
        }
    }

    @Test
    void givenSplitPoints_whenComputed_thenEachRangeStartsAfterALineFeed() throws IOException {
        Path file = manifest("points.jsonl", 2, 6_000, Map.of());
        byte[] bytes = Files.readAllBytes(file);
        long[] bounds = ManifestReader.splitPoints(file, bytes.length, 5);
        assertThat(bounds).hasSize(6).startsWith(0L).endsWith((long) bytes.length).isSorted();
        for (int r = 1; r < bounds.length - 1; r++) {
            assertThat(bytes[(int) bounds[r] - 1]).as("byte before range %d", r).isEqualTo((byte) '\n');
        }
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2, 3, 4, 7})
    void givenTwoBadLinesLateInTheFile_whenRead_thenTheFirstIsReportedWithItsLineInTheWholeFile(int threads)
            throws IOException {
        String broken = "{\"source-ref\":\"s3://b/broken.jpg\",\"anomaly-label-metadata\":{\"class-name\":\"normal\"";
        String unknown = "{\"anomaly-label-metadata\":{\"class-name\":\"defect\"},"
                + "\"anomaly-label-detected-metadata\":{\"class-name\":\"normal\",\"confidence\":0.5}}";
        Path file = manifest("bad-" + threads + ".jsonl", 3, 8_000, Map.of(6_500, broken, 7_600, unknown));
        long expected = physicalLineOf(file, broken);
        assertThatThrownBy(() -> new ManifestReader(40, threads).read(file, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.line()).isEqualTo(expected);
                    assertThat(e.problem()).startsWith("broken JSON: ");
                    assertThat(e.getMessage()).startsWith(file + ":" + expected + ": broken JSON: ");
                });
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2, 4})
    void givenBadLineInTheFirstRangeAndAnotherLater_whenRead_thenTheFirstIsReported(int threads) throws IOException {
        String unknown = "{\"anomaly-label-metadata\":{\"class-name\":\"defect\"},"
                + "\"anomaly-label-detected-metadata\":{\"class-name\":\"normal\",\"confidence\":0.5}}";
        String outOfRange = "{\"anomaly-label-metadata\":{\"class-name\":\"normal\"},"
                + "\"anomaly-label-detected-metadata\":{\"class-name\":\"normal\",\"confidence\":2.5}}";
        Path file = manifest("bad-first-" + threads + ".jsonl", 4, 8_000,
                Map.of(300, unknown, 7_000, outOfRange));
        long expected = physicalLineOf(file, unknown);
        assertThatThrownBy(() -> new ManifestReader(40, threads).read(file, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.line()).isEqualTo(expected);
                    assertThat(e.problem()).startsWith("unknown class name \"defect\"");
                });
    }

    private static long physicalLineOf(Path file, String line) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(line)) {
                return i + 1;
            }
        }
        throw new AssertionError("line not in file: " + line);
    }
}
