package dev.lfvmetrics.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lfvmetrics.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Coverage-guided fuzzing of the manifest-line parser: the hand-written scanner against Jackson. Three properties
 * on every input: (1) the fast and the Jackson-only parser give the same outcome (the same line or the same error);
 * (2) a line that Jackson reads as one JSON object is never called broken JSON; (3) a valid line stays valid with
 * any JSON value under an unknown key (numbers of any size and spelling, escapes, nesting), with the same figures.
 *
 * <p>The test command fuzzes for the budget below ({@code JAZZER_FUZZ=1} in core's surefire configuration); findings
 * are written under src/test/resources as regression inputs. A longer run:
 * {@code mvn -pl core test -Dtest=ScannerFuzzTest -DargLine=-Djazzer.max_duration=30m} (docs/benchmarks.md).
 */
class ScannerFuzzTest {

    private static final String VALID = "{\"source-ref\":\"s3://b/a.jpg\",\"anomaly-label\":1,"
            + "\"anomaly-label-metadata\":{\"class-name\":\"anomaly\",\"type\":\"groundtruth/image-classification\"},"
            + "\"anomaly-label-detected\":1,\"anomaly-label-detected-metadata\":{\"class-name\":\"anomaly\","
            + "\"confidence\":0.875,\"type\":\"groundtruth/image-classification\",\"model-version\":\"3\"}}";


    private static boolean jacksonReadsOneObject(String text) {
        try {
            // Trailing tokens make a line invalid; readTree alone would ignore them.
            JsonNode node = Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(text);
            return node != null && node.isObject();
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** What the fuzzer put after {@code "extra":}, with the closing brace of the line left out. */
    private static String value(String text) {
        return text.substring(VALID.length() - 1 + ",\"extra\":".length(), text.length() - 1);
    }

    /**
     * Whether {@code value} is one JSON value, not one followed by more keys ({@code 1, "source-ref":""}): only then
     * is the line the valid one with an unknown key, which must change nothing.
     */
    private static boolean isOneValue(String value) {
        try {
            JsonNode node = Json.mapper().readTree("{\"extra\":" + value + "}");
            return node.size() == 1 && node.has("extra");
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    @FuzzTest(maxDuration = "25s")
    void givenAnyBytes_whenParsed_thenScannerAndJacksonAgree(FuzzedDataProvider data) {
        boolean underUnknownKey = data.consumeBoolean();
        String text;
        if (underUnknownKey) {
            String value = data.consumeRemainingAsString();
            text = VALID.substring(0, VALID.length() - 1) + ",\"extra\":" + value + "}";
        } else {
            text = data.consumeRemainingAsString();
        }
        byte[] line = text.getBytes(StandardCharsets.UTF_8);

        Object fast = FastLineScannerTest.outcome(line, true);
        Object jackson = FastLineScannerTest.outcome(line, false);

        assertThat(fast).as("fast vs Jackson on %s", text).isEqualTo(jackson);
        // The reader's one-pass path: when it takes the line, it must stop at the first line feed and agree with
        // Jackson on the bytes before it (an error there is Jackson's error for that line too).
        Object[] onePass = FastLineScannerTest.onePassOutcome(line);
        if (onePass != null) {
            int lineFeed = indexOf(line, (byte) '\n');
            int firstLineFeed = lineFeed < 0 ? line.length : lineFeed;
            if ((int) onePass[0] >= 0) {
                assertThat((int) onePass[0]).as("line feed found for %s", text).isEqualTo(firstLineFeed);
            }
            assertThat(onePass[1]).as("one pass vs Jackson on %s", text)
                    .isEqualTo(FastLineScannerTest.outcome(Arrays.copyOf(line, firstLineFeed), false));
        }
        if (jacksonReadsOneObject(text)) {
            assertThat(String.valueOf(fast)).as("a JSON object called broken: %s", text).doesNotContain("broken JSON");
            if (underUnknownKey && isOneValue(value(text))) {
                assertThat(fast).as("a valid line with an unknown key: %s", text)
                        .isEqualTo(FastLineScannerTest.outcome(VALID.getBytes(StandardCharsets.UTF_8), false));
            }
        }
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
