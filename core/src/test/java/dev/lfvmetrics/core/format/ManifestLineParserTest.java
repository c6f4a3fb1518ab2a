package dev.lfvmetrics.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lfvmetrics.core.Fixtures;
import dev.lfvmetrics.core.error.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestLineParserTest {

    private static List<String> lines(String resource) throws IOException {
        return Files.readAllLines(Fixtures.resource(resource), StandardCharsets.UTF_8);
    }

    private static ManifestLine parse(String line) {
        return ManifestLineParser.parseLine(line, "m.jsonl", 1);
    }

    @Test
    void givenDocumentedClassificationLine_whenParsed_thenClassesConfidenceAndIdentity() throws IOException {
        ManifestLine line = parse(lines("manifests/classification-basic.jsonl").get(4));
        assertThat(line.sourceRef()).isEqualTo("s3://bucket/test/a3.jpg");
        assertThat(line.actualAnomalous()).isTrue();
        assertThat(line.predictedAnomalous()).isFalse();
        assertThat(line.confidence()).isEqualTo(0.8);
        assertThat(line.anomalyScore()).isEqualTo(1.0 - 0.8);
        assertThat(line.segmentation()).isFalse();
        assertThat(line.modelArn()).isEqualTo("arn:aws:lookoutvision:us-east-1:123456789012:model/demo/3");
        assertThat(line.projectName()).isEqualTo("demo");
        assertThat(line.modelVersion()).isEqualTo("3");
    }

    @Test
    void givenMinimalMetadataWithoutTypeOrSourceRef_whenParsed_thenFoundByClassName() {
        ManifestLine line = parse("{\"anomaly-label-detected-metadata\":{\"confidence\":0.7,"
                + "\"class-name\":\"anomaly\"},"
                + "\"anomaly-label-metadata\":{\"class-name\":\"normal\"}}");
        assertThat(line.sourceRef()).isNull();
        assertThat(line.actualAnomalous()).isFalse();
        assertThat(line.predictedAnomalous()).isTrue();
        assertThat(line.confidence()).isEqualTo(0.7);
    }

    @Test
    void givenNoClassNameButNumericLabel_whenParsed_thenLabelUsed() {
        ManifestLine line = parse("{\"anomaly-label\":1,\"anomaly-label-metadata\":"
                + "{\"type\":\"groundtruth/image-classification\"},\"anomaly-label-detected\":0,"
                + "\"anomaly-label-detected-metadata\":{\"type\":\"groundtruth/image-classification\","
                + "\"confidence\":0.6}}");
        assertThat(line.actualAnomalous()).isTrue();
        assertThat(line.predictedAnomalous()).isFalse();
    }

    @Test
    void givenLabelDisagreeingWithClassName_whenParsed_thenClassNameIsTheAuthority() {
        ManifestLine line = parse("{\"anomaly-label\":0,\"anomaly-label-metadata\":{\"class-name\":\"Anomaly\"},"
                + "\"anomaly-label-detected\":1,\"anomaly-label-detected-metadata\":{\"class-name\":\"normal\","
                + "\"confidence\":1}}");
        assertThat(line.actualAnomalous()).isTrue();
        assertThat(line.predictedAnomalous()).isFalse();
        assertThat(line.confidence()).isEqualTo(1.0);
    }

    @Test
    void givenOtherBlockNames_whenParsed_thenFoundByTypeAndDetectedSuffix() {
        ManifestLine line = parse("{\"defect-detected-metadata\":{\"type\":\"groundtruth/image-classification\","
                + "\"class-name\":\"anomaly\",\"confidence\":0.91},\"defect-metadata\":"
                + "{\"type\":\"groundtruth/image-classification\",\"class-name\":\"anomaly\"},\"defect\":1}");
        assertThat(line.actualAnomalous()).isTrue();
        assertThat(line.predictedAnomalous()).isTrue();
        assertThat(line.confidence()).isEqualTo(0.91);
    }

    @Test
    void givenSegmentationLineWithBackground_whenParsed_thenLabelsWithoutBackground() throws IOException {
        ManifestLine line = parse(lines("manifests/segmentation-variants.jsonl").get(0));
        assertThat(line.segmentation()).isTrue();
        assertThat(line.actualLabels()).containsExactly("scratch");
        assertThat(line.predictedLabels()).containsExactly("scratch");
    }

    @Test
    void givenPredictionUsingNameWithoutEntryZero_whenParsed_thenLabelsRead() throws IOException {
        ManifestLine line = parse(lines("manifests/segmentation-variants.jsonl").get(1));
        assertThat(line.actualLabels()).containsExactly("scratch", "crack");
        assertThat(line.predictedLabels()).containsExactly("crack");
    }

    @Test
    void givenNormalImageWithoutMask_whenParsed_thenNoLabelsAndNotSegmentation() throws IOException {
        ManifestLine line = parse(lines("manifests/segmentation-variants.jsonl").get(2));
        assertThat(line.segmentation()).isFalse();
        assertThat(line.actualLabels()).isEmpty();
        assertThat(line.predictedLabels()).isEmpty();
    }

    @Test
    void givenMaskMetadataWithoutTypeButColorMap_whenParsed_thenTreatedAsMask() throws IOException {
        ManifestLine backgroundOnly = parse(lines("manifests/segmentation-variants.jsonl").get(3));
        assertThat(backgroundOnly.segmentation()).isTrue();
        assertThat(backgroundOnly.predictedLabels()).isEmpty();
        ManifestLine truthOnly = parse(lines("manifests/segmentation-variants.jsonl").get(4));
        assertThat(truthOnly.actualLabels()).containsExactly("crack");
        assertThat(truthOnly.predictedLabels()).isEmpty();
    }

    @Test
    void givenMaskOnlyLineWithConfidence_whenParsed_thenClassesFollowMaskLabels() {
        ManifestLine line = parse("{\"source-ref\":\"s3://b/x.jpg\",\"anomaly-mask-ref-metadata\":{\"type\":"
                + "\"groundtruth/semantic-segmentation\",\"internal-color-map\":{\"1\":{\"class-name\":\"dent\"}}},"
                + "\"anomaly-mask-ref-detected-metadata\":{\"type\":\"groundtruth/semantic-segmentation\","
                + "\"confidence\":0.4,\"internal-color-map\":{\"0\":{\"class-name\":\"BACKGROUND\"}}}}");
        assertThat(line.actualAnomalous()).isTrue();
        assertThat(line.predictedAnomalous()).isFalse();
        assertThat(line.confidence()).isEqualTo(0.4);
    }

    @Test
    void givenBadLines_whenParsed_thenProblemNamesWhatIsWrong() {
        String gt = "\"anomaly-label-metadata\":{\"class-name\":\"normal\"}";
        assertThatThrownBy(() -> ManifestLineParser.parseLine("{" + gt + ",\"anomaly-label-detected-metadata\":"
                + "{\"class-name\":\"normal\",\"confidence\":-0.1}}", "f.jsonl", 9))
                .hasMessage("f.jsonl:9: confidence -0.1 in anomaly-label-detected-metadata is outside [0, 1]");
        assertThatThrownBy(() -> ManifestLineParser.parseLine("{" + gt + ",\"anomaly-label-detected-metadata\":"
                + "{\"class-name\":\"normal\",\"confidence\":\"0.9\"}}", "f.jsonl", 9))
                .hasMessage("f.jsonl:9: confidence \"0.9\" in anomaly-label-detected-metadata is not a number");
        assertThatThrownBy(() -> ManifestLineParser.parseLine("{" + gt + ",\"anomaly-label-detected-metadata\":"
                + "{\"class-name\":\"normal\",\"confidence\":null}}", "f.jsonl", 9))
                .hasMessage("f.jsonl:9: confidence missing in anomaly-label-detected-metadata");
        assertThatThrownBy(() -> ManifestLineParser.parseLine("{\"anomaly-label-metadata\":{\"type\":"
                + "\"groundtruth/image-classification\"}}", "f.jsonl", 2))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("f.jsonl:2: class-name missing in anomaly-label-metadata and no 0/1 value in "
                        + "anomaly-label");
        assertThatThrownBy(() -> ManifestLineParser.parseLine("{" + gt + "} {}", "f.jsonl", 4))
                .hasMessageStartingWith("f.jsonl:4: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678901", "-9223372036854775809", "123456789012345678901234567890", "1e400",
        "-0.0E+5", "1.5e-7", "\"a\\\"b\\\\c\\/\\u0041\\ud83d\\ude00\"", "[1,{\"a\":[true,null,{}]}]",
        "{\"n\":{\"m\":[-1E-2]}}"})
    void givenAnyJsonValueUnderAnUnknownKey_whenParsed_thenTheLineReadsAsWithoutIt(String value) {
        String base = "{\"source-ref\":\"s3://b/a.jpg\",\"anomaly-label\":1,\"anomaly-label-metadata\":"
                + "{\"class-name\":\"anomaly\",\"type\":\"groundtruth/image-classification\"},"
                + "\"anomaly-label-detected-metadata\":{\"class-name\":\"anomaly\",\"confidence\":0.9,"
                + "\"type\":\"groundtruth/image-classification\"}}";
        String withValue = base.substring(0, base.length() - 1) + ",\"size\":" + value + "}";
        String first = "{\"size\":" + value + "," + base.substring(1);

        assertThat(parse(withValue)).isEqualTo(parse(base));
        assertThat(parse(first)).isEqualTo(parse(base));
    }
}
