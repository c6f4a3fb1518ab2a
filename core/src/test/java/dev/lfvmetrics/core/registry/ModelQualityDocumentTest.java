package dev.lfvmetrics.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lfvmetrics.core.Fixtures;
import dev.lfvmetrics.core.evaluate.Evaluator;
import dev.lfvmetrics.core.summary.Metrics;
import dev.lfvmetrics.core.summary.Summary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelQualityDocumentTest {

    private static final Summary SAMPLE = new Evaluator(null).evaluate(
            Fixtures.sample("circuit-board", "EvaluationManifest-circuit-board-2.json"), null, null, null);

    @Test
    void givenSummary_whenWrittenForTheRegistry_thenConfusionMatrixIsActualThenPredicted() {
        JsonNode doc = ModelQualityDocument.of(SAMPLE).path("binary_classification_metrics");
        Metrics m = SAMPLE.metrics();

        assertThat(doc.at("/confusion_matrix/1/1").asLong()).isEqualTo(m.truePositives());
        assertThat(doc.at("/confusion_matrix/1/0").asLong()).isEqualTo(m.falseNegatives());
        assertThat(doc.at("/confusion_matrix/0/1").asLong()).isEqualTo(m.falsePositives());
        assertThat(doc.at("/confusion_matrix/0/0").asLong()).isEqualTo(m.trueNegatives());
    }

    @Test
    void givenSummary_whenWrittenForTheRegistry_thenFiguresAndBinomialErrorsAreTheSummarys() {
        JsonNode doc = ModelQualityDocument.of(SAMPLE).path("binary_classification_metrics");
        Metrics m = SAMPLE.metrics();
        long predictedAnomalous = m.truePositives() + m.falsePositives();

        assertThat(doc.at("/precision/value").asDouble()).isEqualTo(m.precision());
        assertThat(doc.at("/precision/standard_deviation").asDouble())
                .isCloseTo(Math.sqrt(m.precision() * (1 - m.precision()) / predictedAnomalous), within(1e-15));
        assertThat(doc.at("/recall/value").asDouble()).isEqualTo(m.recall());
        assertThat(doc.at("/accuracy/value").asDouble()).isEqualTo(m.accuracy());
        assertThat(doc.at("/f1/value").asDouble()).isEqualTo(m.f1Score());
        assertThat(doc.at("/auc/value").asDouble()).isEqualTo(m.rocAuc());
        assertThat(doc.at("/receiver_operating_characteristic_curve/false_positive_rates").size())
                .isEqualTo(SAMPLE.curves().roc().size());
        assertThat(doc.at("/precision_recall_curve/precisions").size())
                .isEqualTo(SAMPLE.curves().precisionRecall().size());
    }

    @Test
    void givenOnlyNormalImages_whenWrittenForTheRegistry_thenUndefinedMetricsAreLeftOut(@TempDir Path dir)
            throws IOException {
        String line = "{\"source-ref\":\"s3://b/n%d.jpg\",\"anomaly-label-metadata\":{\"class-name\":\"normal\","
                + "\"type\":\"groundtruth/image-classification\"},\"anomaly-label-detected-metadata\":{\"class-name\":"
                + "\"normal\",\"confidence\":0.9,\"type\":\"groundtruth/image-classification\"}}\n";
        Path manifest = dir.resolve("normal.jsonl");
        Files.writeString(manifest, String.format(line, 1) + String.format(line, 2));
        Summary oneClass = new Evaluator(null).evaluate(manifest, null, null, null);

        JsonNode doc = ModelQualityDocument.of(oneClass).path("binary_classification_metrics");

        assertThat(doc.at("/confusion_matrix/0/0").asLong()).isEqualTo(2);
        assertThat(doc.has("auc")).isFalse();
        assertThat(doc.has("recall")).isFalse();
        assertThat(doc.has("precision")).isFalse();
        assertThat(doc.at("/accuracy/value").asDouble()).isEqualTo(1.0);
    }
}
