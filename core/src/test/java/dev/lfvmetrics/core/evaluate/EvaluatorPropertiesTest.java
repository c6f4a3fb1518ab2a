package dev.lfvmetrics.core.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.core.metrics.ScoreRanking;
import dev.lfvmetrics.core.summary.ImageResult;
import dev.lfvmetrics.core.summary.LabelMetrics;
import dev.lfvmetrics.core.summary.Summary;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random manifests written with Jackson, evaluated through the streaming reader, checked against direct counts. */
class EvaluatorPropertiesTest {

    record Image(boolean actual, boolean predicted, double confidence, boolean scratch, boolean predictedScratch,
                 boolean crlf) {

        double score() {
            return predicted ? confidence : 1.0 - confidence;
        }

        String line() {
            ObjectNode o = Json.mapper().createObjectNode();
            o.put("source-ref", "s3://b/" + Integer.toHexString(hashCode()) + ".jpg");
            o.put("anomaly-label", actual ? 1 : 0);
            o.putObject("anomaly-label-metadata").put("class-name", actual ? "anomaly" : "normal")
                    .put("type", "groundtruth/image-classification");
            ObjectNode detected = o.putObject("anomaly-label-detected-metadata");
            detected.put("confidence", confidence).put("class-name", predicted ? "anomaly" : "normal")
                    .put("type", "groundtruth/image-classification");
            if (scratch) {
                o.putObject("anomaly-mask-ref-metadata").put("type", "groundtruth/semantic-segmentation")
                        .putObject("internal-color-map").putObject("1").put("class-name", "scratch");
            }
            if (predictedScratch) {
                o.putObject("anomaly-mask-ref-detected-metadata").put("type", "groundtruth/semantic-segmentation")
                        .putObject("internal-color-map").putObject("3").put("name", "scratch");
            }
            return o.toString() + (crlf ? "\r\n" : "\n");
        }
    }

    @Provide
    Arbitrary<List<Image>> manifests() {
        Arbitrary<Image> image = Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 10).map(i -> i / 10.0), Arbitraries.of(true, false),
                Arbitraries.of(true, false), Arbitraries.of(true, false)).as(Image::new);
        return image.list().ofMinSize(1).ofMaxSize(80);
    }

    @Property(tries = 200)
    void countsAddUpAndMatchTheLines(@ForAll("manifests") List<Image> images) {
        StringBuilder text = new StringBuilder();
        images.forEach(i -> text.append(i.line()));
        List<ImageResult> seen = new ArrayList<>();
        Summary s = new Evaluator(EvaluationOptions.defaults().withMaxMisclassified(5)).evaluate(
                new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), "random.jsonl", null,
                null, null, seen::add);
        var m = s.metrics();
        assertThat(m.images()).isEqualTo(images.size());
        assertThat(m.truePositives() + m.falsePositives() + m.trueNegatives() + m.falseNegatives())
                .isEqualTo(m.images());
        assertThat(m.anomalous()).isEqualTo(images.stream().filter(Image::actual).count());
        assertThat(m.truePositives() + m.falseNegatives()).isEqualTo(m.anomalous());
        assertThat(m.truePositives()).isEqualTo(images.stream().filter(i -> i.actual() && i.predicted()).count());
        assertThat(m.correct() + m.incorrect()).isEqualTo(m.images());
        assertThat(s.misclassified().total()).isEqualTo(m.incorrect());
        assertThat(s.misclassified().images()).hasSize((int) Math.min(5, m.incorrect()));
        assertThat(seen).hasSize(images.size());
        for (int k = 0; k < images.size(); k++) {
            assertThat(seen.get(k).line()).isEqualTo(k + 1);
            assertThat(seen.get(k).anomalyScore()).isEqualTo(images.get(k).score());
        }
        boolean[] y = new boolean[images.size()];
        double[] scores = new double[images.size()];
        for (int k = 0; k < images.size(); k++) {
            y[k] = images.get(k).actual();
            scores[k] = images.get(k).score();
        }
        Double auc = ScoreRanking.of(y, scores).rocAuc();
        if (auc == null) {
            assertThat(m.rocAuc()).isNull();
        } else {
            assertThat(m.rocAuc()).isCloseTo(auc, within(1e-12));
        }
        long gt = images.stream().filter(Image::scratch).count();
        long predicted = images.stream().filter(Image::predictedScratch).count();
        if (gt + predicted == 0) {
            assertThat(s.labels()).isEmpty();
        } else {
            assertThat(s.labels()).containsExactly(new LabelMetrics("scratch", gt, predicted, null, null, null, null));
        }
    }
}
