package dev.lfvmetrics.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lfvmetrics.core.Fixtures;
import dev.lfvmetrics.core.error.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hand-written scanner against Jackson, line by line: on every line, valid or broken, the parser with the fast
 * path must give exactly what the Jackson-only parser gives (the same line record, bit for bit, or the same error).
 */
class FastLineScannerTest {

    /** What parsing gave: the line record, or the error's line number and problem (also the fuzz test's oracle). */
    static Object outcome(byte[] line, boolean fast) {
        ManifestLineParser parser = new ManifestLineParser(true, fast);
        parser.setCaptureIdentity(true);
        try {
            parser.parse(line, 0, line.length, "m.jsonl", 7);
            return parser.toManifestLine();
        } catch (InvalidInputException e) {
            return "error at line " + e.line() + ": " + e.problem();
        }
    }

    /**
     * The one-pass read of {@code line} followed by a line feed (and more bytes, as in a reader's buffer): the line
     * feed it found and the parse, or {@code null} when it declined the line.
     */
    static Object[] onePassOutcome(byte[] line) {
        byte[] buf = Arrays.copyOf(line, line.length + 64);
        buf[line.length] = '\n';
        Arrays.fill(buf, line.length + 1, buf.length, (byte) '{');
        ManifestLineParser parser = new ManifestLineParser(true, true);
        parser.setCaptureIdentity(true);
        try {
            int lineFeed = parser.parseUpToLineFeed(buf, 0, buf.length, "m.jsonl", 7);
            return lineFeed < 0 ? null : new Object[] {lineFeed, parser.toManifestLine()};
        } catch (InvalidInputException e) {
            return new Object[] {-1, "error at line " + e.line() + ": " + e.problem()};
        }
    }

    private static boolean scannerReads(byte[] line) {
        return new FastLineScanner(new ManifestLineParser(true, false)).scan(line, 0, line.length);
    }

    private static void assertSameAsJackson(byte[] line) {
        assertThat(outcome(line, true))
                .as("line %s", new String(line, StandardCharsets.UTF_8))
                .isEqualTo(outcome(line, false));
    }

    private static List<String> realLines() throws IOException {
        List<Path> files = List.of(
                Fixtures.sample("circuit-board", "EvaluationManifest-circuit-board-1.json"),
                Fixtures.sample("circuit-board", "EvaluationManifest-circuit-board-2.json"),
                Fixtures.sample("cookies", "EvaluationManifest-cookies-1.json"),
                Fixtures.resource("manifests/classification-basic.jsonl"),
                Fixtures.resource("manifests/segmentation-variants.jsonl"));
        List<String> lines = new ArrayList<>();
        for (Path f : files) {
            for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                String trimmed = l.strip();
                if (!trimmed.isEmpty()) {
                    lines.add(trimmed);
                }
            }
        }
        return lines;
    }

    /** A segmentation line of the cookies sample (ground-truth and predicted masks). */
    private static byte[] segmentationLine() throws IOException {
        return realLines().stream().filter(l -> l.contains("\"anomaly-mask-ref\"")).findFirst().orElseThrow()
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void givenEveryRealLine_whenParsed_thenFastPathTakenAndSameResultAsJackson() throws IOException {
        List<String> lines = realLines();
        assertThat(lines).hasSizeGreaterThan(380);
        for (String l : lines) {
            byte[] bytes = l.getBytes(StandardCharsets.UTF_8);
            assertThat(scannerReads(bytes)).as("scanner reads %s", l).isTrue();
            assertSameAsJackson(bytes);
        }
    }

    @Test
    void givenEveryTruncationAndEveryDeletedByteOfARealLine_whenParsed_thenSameOutcomeAsJackson() throws IOException {
        byte[] line = segmentationLine();
        for (int cut = 0; cut <= line.length; cut++) {
            byte[] truncated = new byte[cut];
            System.arraycopy(line, 0, truncated, 0, cut);
            assertSameAsJackson(truncated);
        }
        for (int at = 0; at < line.length; at++) {
            byte[] shorter = new byte[line.length - 1];
            System.arraycopy(line, 0, shorter, 0, at);
            System.arraycopy(line, at + 1, shorter, at, line.length - at - 1);
            assertSameAsJackson(shorter);
        }
    }

    @Test
    void givenEverySingleByteReplacedByAStructuralOrOddByte_whenParsed_thenSameOutcomeAsJackson() throws IOException {
        byte[] line = segmentationLine();
        byte[] replacements = {'{', '}', '[', ']', ',', ':', '"', '\\', '0', '1', '-', '.', 'e', 'x', ' ', '\t', 1,
            (byte) 0xE9, (byte) 0xC3};
        int fastRejected = 0;
        for (int at = 0; at < line.length; at++) {
            for (byte r : replacements) {
                if (line[at] == r) {
                    continue;
                }
                byte[] changed = line.clone();
                changed[at] = r;
                assertSameAsJackson(changed);
                if (!scannerReads(changed)) {
                    fastRejected++;
                }
            }
        }
        // Most replacements break the JSON or make it unusual; the scanner must have handed those to Jackson.
        assertThat(fastRejected).isGreaterThan(line.length * 5);
    }

    /** Valid lines of unusual shape and broken ones, each a trap for a scanner that is not strict. */
    static List<String> unusualLines() {
        return List.of(
                // escapes and non-ASCII: valid JSON the scanner leaves to Jackson
                "{\"source-ref\":\"s3:\\/\\/b\\/x.jpg\",\"a-metadata\":{\"class-name\":\"anom\\u0061ly\"},"
                        + "\"a-detected-metadata\":{\"class-name\":\"anomaly\",\"confidence\":0.5}}",
                "{\"source-ref\":\"s3://b/caf\u00e9.jpg\",\"a-metadata\":{\"class-name\":\"normal\"},"
                        + "\"a-detected-metadata\":{\"class-name\":\"anomaly\",\"confidence\":0.25}}",
                // number forms
                "{\"a-metadata\":{\"class-name\":\"normal\"},\"a-detected-metadata\":{\"class-name\":\"anomaly\","
                        + "\"confidence\":9.0e-1}}",
                "{\"a-metadata\":{\"class-name\":\"normal\"},\"a-detected-metadata\":{\"class-name\":\"normal\","
                        + "\"confidence\":1}}",
                "{\"a-metadata\":{\"class-name\":\"normal\"},\"a-detected-metadata\":{\"class-name\":\"normal\","
                        + "\"confidence\":-0}}",
                "{\"a-metadata\":{\"class-name\":\"normal\"},\"a-detected-metadata\":{\"class-name\":\"normal\","
                        + "\"confidence\":0.1000000000000000055511151231257827}}",
                "{\"a-metadata\":{\"class-name\":\"normal\"},\"a-detected-metadata\":{\"class-name\":\"normal\","
                        + "\"confidence\":0.0000000000000000000000123}}",
                "{\"a\":-0,\"a-metadata\":{\"type\":\"groundtruth/image-classification\"},\"a-detected\":1,"
                        + "\"a-detected-metadata\":{\"type\":\"groundtruth/image-classification\",\"confidence\":0.5}}",
                "{\"a\":12345678901,\"a-metadata\":{\"type\":\"groundtruth/image-classification\"},\"a-detected\":1,"
                        + "\"a-detected-metadata\":{\"type\":\"groundtruth/image-classification\",\"confidence\":0.5}}",
                // broken numbers and literals
                "{\"a-metadata\":{\"class-name\":\"normal\"},\"a-detected-metadata\":{\"class-name\":\"normal\","
                        + "\"confidence\":01}}",
                "{\"a-metadata\":{\"class-name\":\"normal\"},\"a-detected-metadata\":{\"class-name\":\"normal\","
                        + "\"confidence\":1.}}",
                "{\"a-metadata\":{\"class-name\":\"normal\"},\"a-detected-metadata\":{\"class-name\":\"normal\","
                        + "\"confidence\":.5}}",
                "{\"a-metadata\":{\"class-name\":\"normal\"},\"a-detected-metadata\":{\"class-name\":\"normal\","
                        + "\"confidence\":NaN}}",
                "{\"x\":tru,\"a-metadata\":{\"class-name\":\"normal\"},\"a-detected-metadata\":{\"class-name\":"
                        + "\"normal\","
                        + "\"confidence\":0.5}}",
                "{\"x\":nulls,\"a-metadata\":{\"class-name\":\"normal\"},\"a-detected-metadata\":{\"class-name\":"
                        + "\"normal\",\"confidence\":0.5}}",
                // structure
                "{\"a-metadata\":{\"class-name\":\"normal\",},\"a-detected-metadata\":{\"class-name\":\"normal\","
                        + "\"confidence\":0.5}}",
                "{\"a-metadata\":{\"class-name\":\"normal\"},\"a-detected-metadata\":{\"class-name\":\"normal\","
                        + "\"confidence\":0.5}} {}",
                "{\"a-metadata\":{\"class-name\":\"normal\"},\"a-detected-metadata\":{\"class-name\":\"normal\","
                        + "\"confidence\":0.5}}}",
                "[{\"a-metadata\":{\"class-name\":\"normal\"}}]",
                " \t{ \"a-metadata\" : { \"class-name\" : \"normal\" } ,\r \"a-detected-metadata\" : {\"confidence\""
                        + " : 0.5 , \"class-name\":\"anomaly\"} }\t ",
                // duplicates, odd shapes of the fields read, unknown nesting
                "{\"source-ref\":\"s3://b/1.jpg\",\"source-ref\":\"s3://b/2.jpg\",\"a-metadata\":{\"class-name\""
                        + ":\"normal\","
                        + "\"class-name\":\"anomaly\"},\"a-detected-metadata\":{\"class-name\":\"normal\",\"conf"
                        + "idence\":0.5,"
                        + "\"confidence\":0.75}}",
                "{\"a-metadata\":{\"class-name\":\"normal\",\"type\":{\"k\":1}},\"a-detected-metadata\":{\"class"
                        + "-name\":"
                        + "\"normal\",\"confidence\":0.5}}",
                "{\"a-metadata\":{\"class-name\":\"normal\"},\"a-detected-metadata\":{\"class-name\":\"normal\","
                        + "\"confidence\":\"0.5\"}}",
                "{\"a-metadata\":{\"class-name\":\"normal\"},\"a-detected-metadata\":{\"class-name\":\"normal\","
                        + "\"confidence\":null}}",
                "{\"a-metadata\":{\"class-name\":\"normal\"},\"a-detected-metadata\":{\"class-name\":\"normal\","
                        + "\"confidence\":0.5,\"model-version\":3,\"model-arn\":\"arn:x\",\"project-name\":\"p\"}}",
                "{\"a-metadata\":{\"class-name\":\"normal\"},\"a-detected-metadata\":{\"class-name\":\"normal\","
                        + "\"confidence\":0.5,\"model-version\":true,\"project-name\":7}}",
                "{\"u\":[[[[{\"v\":[1,2.5e3,-0.0,\"s\",null,true,false,{}]}]]]],\"a-metadata\":{\"class-name\":"
                        + "\"normal\"},\"a-detected-metadata\":{\"class-name\":\"normal\",\"confidence\":0.5}}",
                "{\"m-detected-metadata\":{\"internal-color-map\":{\"0\":{\"name\":\"BACKGROUND\"},\"1\":{\"name"
                        + "\":\"a\","
                        + "\"class-name\":\"b\"},\"2\":{\"class-name\":\"c\",\"name\":\"d\"},\"3\":[],\"4\":{\"n"
                        + "ame\":\" a \"}},"
                        + "\"confidence\":0.8},\"m-metadata\":{\"internal-color-map\":{}},\"a-metadata\":{\"clas"
                        + "s-name\":"
                        + "\"normal\"}}",
                "{\"m-detected-metadata\":{\"internal-color-map\":\"none\",\"type\":\"groundtruth/semantic-segme"
                        + "ntation\","
                        + "\"confidence\":0.8},\"a-metadata\":{\"class-name\":\"normal\"}}",
                "{}",
                "{\"a-metadata\":{},\"a-detected-metadata\":{}}",
                "{\"a-metadata\":{\"class-name\":\"normal\"},\"a-detected-metadata\":{\"class-name\":\"defect\","
                        + "\"confidence\":0.5}}",
                "{\"a-metadata\":{\"class-name\":\"normal\"},\"a-detected-metadata\":{\"class-name\":\"normal\","
                        + "\"confidence\":1.5}}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusualLines")
    void givenUnusualValidOrBrokenLine_whenParsed_thenSameOutcomeAsJackson(String line) {
        assertSameAsJackson(line.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void givenEscapeNonAsciiOrControlCharacter_whenScanned_thenLeftToJackson() {
        String ok = "{\"source-ref\":\"s3://b/x.jpg\",\"a-metadata\":{\"class-name\":\"normal\"},"
                + "\"a-detected-metadata\":{\"class-name\":\"normal\",\"confidence\":0.5}}";
        assertThat(scannerReads(ok.getBytes(StandardCharsets.UTF_8))).isTrue();
        for (String odd : List.of("s3:\\/\\/b\\/x.jpg", "s3://b/x\u00e9.jpg", "s3://b/x\u0001.jpg")) {
            byte[] bytes = ok.replace("s3://b/x.jpg", odd).getBytes(StandardCharsets.UTF_8);
            assertThat(scannerReads(bytes)).as(odd).isFalse();
        }
    }

    @Test
    void givenConfidencesWrittenWithAnyNumberOfDigits_whenParsed_thenBitForBitAsJackson() {
        Random rng = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            double v = rng.nextDouble();
            String text = switch (i % 4) {
                case 0 -> Double.toString(v);
                case 1 -> String.format(Locale.ROOT, "%." + (1 + rng.nextInt(25)) + "f", v);
                case 2 -> String.format(Locale.ROOT, "%.5e", v);
                default -> i % 8 == 3 ? "1" : "0";
            };
            byte[] line = ("{\"a-metadata\":{\"class-name\":\"normal\"},\"a-detected-metadata\":"
                    + "{\"class-name\":\"anomaly\",\"confidence\":" + text + "}}").getBytes(StandardCharsets.UTF_8);
            Object fast = outcome(line, true);
            assertThat(fast).as(text).isEqualTo(outcome(line, false));
            assertThat(fast).as(text).isInstanceOf(ManifestLine.class);
        }
    }

    @Test
    void givenWordsOfEveryShortLengthDifferingAtEachPosition_whenCompared_thenSameBytesAgreesWithArraysEquals() {
        Random rng = new Random(5);
        for (int n = 0; n <= 40; n++) {
            byte[] a = new byte[n + 3];
            rng.nextBytes(a);
            byte[] c = new byte[n + 5];
            System.arraycopy(a, 3, c, 5, n);
            assertThat(FastLineScanner.sameBytes(a, 3, c, 5, n)).as("equal, length %d", n).isTrue();
            for (int at = 0; at < n; at++) {
                byte[] d = c.clone();
                d[5 + at] ^= (byte) (1 << rng.nextInt(8));
                assertThat(FastLineScanner.sameBytes(a, 3, d, 5, n)).as("length %d, differs at %d", n, at)
                        .isEqualTo(Arrays.equals(a, 3, 3 + n, d, 5, 5 + n)).isFalse();
            }
        }
    }
}
