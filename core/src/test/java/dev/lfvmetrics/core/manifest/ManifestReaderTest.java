package dev.lfvmetrics.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lfvmetrics.core.Fixtures;
import dev.lfvmetrics.core.error.InvalidInputException;
import dev.lfvmetrics.core.summary.ImageResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ManifestReaderTest {

    @TempDir
    Path tmp;

    @Test
    void givenBasicManifest_whenRead_thenCountsAndMistakesMostConfidentFirst() {
        Accumulator acc = new ManifestReader(100).read(Fixtures.resource("manifests/classification-basic.jsonl"),
                null);
        assertThat(acc.images()).isEqualTo(6);
        assertThat(acc.counts().truePositives()).isEqualTo(2);
        assertThat(acc.counts().falsePositives()).isEqualTo(1);
        assertThat(acc.counts().trueNegatives()).isEqualTo(2);
        assertThat(acc.counts().falseNegatives()).isEqualTo(1);
        assertThat(acc.misclassifiedTotal()).isEqualTo(2);
        assertThat(acc.mostConfidentMistakes()).extracting(ImageResult::sourceRef, ImageResult::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("s3://bucket/test/a3.jpg", 5L),
                        org.assertj.core.groups.Tuple.tuple("s3://bucket/test/n1.jpg", 3L));
        assertThat(acc.modelArn()).endsWith("model/demo/3");
        assertThat(acc.segmentation()).isFalse();
    }

    @Test
    void givenCapOfOne_whenRead_thenOnlyMostConfidentMistakeKeptButAllCounted() {
        Accumulator acc = new ManifestReader(1).read(Fixtures.resource("manifests/classification-basic.jsonl"),
                null);
        assertThat(acc.misclassifiedTotal()).isEqualTo(2);
        assertThat(acc.mostConfidentMistakes()).extracting(ImageResult::sourceRef)
                .containsExactly("s3://bucket/test/a3.jpg");
    }

    @Test
    void givenBomCrlfBlankLinesUnknownKeysAnyOrder_whenRead_thenAllImagesAndPhysicalLineNumbers() {
        List<ImageResult> seen = new ArrayList<>();
        Accumulator acc = new ManifestReader(10).read(Fixtures.resource("manifests/tolerant-bom-crlf.jsonl"),
                seen::add);
        assertThat(acc.images()).isEqualTo(4);
        assertThat(seen).extracting(ImageResult::line).containsExactly(1L, 3L, 4L, 5L);
        assertThat(seen.get(0).sourceRef()).isEqualTo("s3://bucket/t/1.jpg");
        assertThat(seen.get(1).actual()).isEqualTo("normal");
        assertThat(seen.get(1).correct()).isTrue();
        assertThat(seen.get(2).predicted()).isEqualTo("anomaly");
        assertThat(seen.get(2).sourceRef()).isNull();
        assertThat(seen.get(3).actual()).isEqualTo("anomaly");
        assertThat(seen.get(3).anomalyScore()).isEqualTo(1.0 - 0.6);
    }

    @Test
    void givenSegmentationManifest_whenRead_thenPerLabelImageCounts() {
        Accumulator acc = new ManifestReader(10).read(Fixtures.resource("manifests/segmentation-variants.jsonl"),
                null);
        assertThat(acc.segmentation()).isTrue();
        assertThat(acc.labelCounts()).containsOnlyKeys("crack", "scratch");
        assertThat(acc.labelCounts().get("scratch")).containsExactly(2, 1);
        assertThat(acc.labelCounts().get("crack")).containsExactly(2, 1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "broken-json             | broken JSON: ",
        "no-ground-truth         | no ground truth: no image-classification metadata such as anomaly-label-metadata",
        "no-prediction           | no prediction: no image-classification metadata such as "
                + "anomaly-label-detected-metadata",
        "confidence-missing      | confidence missing in anomaly-label-detected-metadata",
        "confidence-not-number   | confidence \"high\" in anomaly-label-detected-metadata is not a number",
        "confidence-out-of-range | confidence 1.5 in anomaly-label-detected-metadata is outside [0, 1]",
        "unknown-class           | unknown class name \"defect\" in anomaly-label-metadata (expected anomaly or "
                + "normal)",
        "not-object              | expected a JSON object"})
    void givenBadLineThree_whenRead_thenErrorNamesFileLineAndProblem(String name, String problem) {
        Path file = Fixtures.resource("bad/" + name + ".jsonl");
        assertThatThrownBy(() -> new ManifestReader(10).read(file, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.source()).isEqualTo(file.toString());
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.problem()).startsWith(problem);
                    assertThat(e.getMessage()).startsWith(file + ":3: " + problem);
                });
    }

    /** Lines read in one pass (fields and line end together) must fail exactly as lines read in two. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'{\"source-ref\":\"s3://b/a.jpg\",'|'\"anomaly-label-metadata\":{\"class-name\":\"normal\"}}'|2",
        "'{\"source-ref\":\"s3://b/a.jpg\"} x'|''|2",
        "'{\"source-ref\":\"s3://b/a.jpg\"}{}'|''|2"})
    void givenAnObjectSplitOverTwoLinesOrFollowedByMore_whenRead_thenTheLineIsAnError(String first, String second,
                                                                                   long badLine) {
        String good = "{\"source-ref\":\"s3://b/n.jpg\",\"anomaly-label-metadata\":{\"class-name\":\"normal\"},"
                + "\"anomaly-label-detected-metadata\":{\"class-name\":\"normal\",\"confidence\":0.2}}";
        String text = good + "\n" + first + "\n" + (second.isEmpty() ? "" : second + "\n") + good + "\n";

        assertThatThrownBy(() -> new ManifestReader(10).read(stream(text), "m", null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.line()).isEqualTo(badLine));
    }

    @Test
    void givenTrailingBlanksCrlfAndBlankLines_whenReadInOnePass_thenEveryImageWithItsPhysicalLine() {
        String good = "{\"source-ref\":\"s3://b/n.jpg\",\"anomaly-label-metadata\":{\"class-name\":\"normal\"},"
                + "\"anomaly-label-detected-metadata\":{\"class-name\":\"anomaly\",\"confidence\":0.7}}";
        String text = good + " \t\r\n\n  " + good + "\r\n" + good + "   \n" + good;
        List<ImageResult> seen = new ArrayList<>();

        Accumulator acc = new ManifestReader(10).read(stream(text), "m", seen::add);

        assertThat(acc.images()).isEqualTo(4);
        assertThat(seen).extracting(ImageResult::line).containsExactly(1L, 3L, 4L, 5L);
    }

    @Test
    void givenOnlyBlankLines_whenRead_thenNoTestImages() {
        Path file = Fixtures.resource("bad/empty.jsonl");
        assertThatThrownBy(() -> new ManifestReader(10).read(file, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(file + ": no test images");
        assertThatThrownBy(() -> new ManifestReader(10).read(new ByteArrayInputStream(new byte[0]), "s3://b/m", null))
                .hasMessage("s3://b/m: no test images");
    }

    @Test
    void givenMissingFile_whenRead_thenErrorNamesPath() {
        Path missing = tmp.resolve("EvaluationManifest-nope.json");
        assertThatThrownBy(() -> new ManifestReader(10).read(missing, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(missing + ": file not found");
    }

    @Test
    void givenLineLongerThanTheReadBuffer_whenRead_thenParsedWhole() {
        String longRef = "s3://b/" + "x".repeat(200_000) + ".jpg";
        String line = "{\"source-ref\":\"" + longRef + "\",\"anomaly-label-metadata\":{\"class-name\":\"normal\"},"
                + "\"anomaly-label-detected-metadata\":{\"class-name\":\"anomaly\",\"confidence\":0.9}}";
        List<ImageResult> seen = new ArrayList<>();
        new ManifestReader(10).read(stream(line + "\n" + line), "long", seen::add);
        assertThat(seen).hasSize(2);
        assertThat(seen.get(1).sourceRef()).isEqualTo(longRef);
    }

    @Test
    void givenLargeFile_whenReadOnTwoThreads_thenSameAsOnePass() throws IOException {
        Path big = largeManifest(null);
        assertThat(Files.size(big)).isGreaterThan(ManifestReader.PARALLEL_THRESHOLD);
        Accumulator split = new ManifestReader(25, true).read(big, null);
        Accumulator single = new ManifestReader(25, false).read(big, null);
        assertThat(split.images()).isEqualTo(single.images());
        assertThat(split.lines()).isEqualTo(single.lines());
        assertThat(split.counts()).isEqualTo(single.counts());
        assertThat(split.misclassifiedTotal()).isEqualTo(single.misclassifiedTotal());
        assertThat(split.mostConfidentMistakes()).isEqualTo(single.mostConfidentMistakes());
        assertThat(split.ranking().rocAuc()).isEqualTo(single.ranking().rocAuc());
        assertThat(split.labelCounts().keySet()).isEqualTo(single.labelCounts().keySet());
        assertThat(split.modelArn()).isEqualTo(single.modelArn());
    }

    @Test
    void givenBadLineInSecondHalf_whenReadOnTwoThreads_thenAbsoluteLineNumber() throws IOException {
        String bad = "{\"anomaly-label-metadata\":{\"class-name\":\"broken\"}}";
        Path big = largeManifest(bad);
        long badLine = Files.readAllLines(big).indexOf(bad) + 1;
        assertThatThrownBy(() -> new ManifestReader(25, true).read(big, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.line()).isEqualTo(badLine));
        assertThatThrownBy(() -> new ManifestReader(25, false).read(big, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.line()).isEqualTo(badLine));
    }

    /** The basic and segmentation fixtures repeated past the split threshold; optionally a bad line at 3/4. */
    private Path largeManifest(String badLine) throws IOException {
        List<String> sourceLines = new ArrayList<>(
                Files.readAllLines(Fixtures.resource("manifests/classification-basic.jsonl")));
        sourceLines.add("");
        sourceLines.addAll(Files.readAllLines(Fixtures.resource("manifests/segmentation-variants.jsonl")));
        Path out = tmp.resolve("big.jsonl");
        long target = ManifestReader.PARALLEL_THRESHOLD + (1 << 20);
        long written = 0;
        boolean badWritten = false;
        try (OutputStream o = Files.newOutputStream(out)) {
            while (written < target) {
                for (String l : sourceLines) {
                    byte[] b = (l + "\n").getBytes(StandardCharsets.UTF_8);
                    o.write(b);
                    written += b.length;
                }
                if (badLine != null && !badWritten && written > target * 3 / 4) {
                    o.write((badLine + "\n").getBytes(StandardCharsets.UTF_8));
                    badWritten = true;
                }
            }
        }
        return out;
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
