package dev.lfvmetrics.functions.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lfvmetrics.core.evaluate.EvaluationOptions;
import dev.lfvmetrics.core.evaluate.Evaluator;
import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.core.summary.Summary;
import dev.lfvmetrics.functions.testing.Manifests;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemSummaryTest {

    @Test
    void givenALargeManifestThenTheStoredSummaryStaysFarBelowTheItemLimit() throws Exception {
        String manifest = Manifests.classification("big-line", "4", 50_000, 7);
        Summary full = new Evaluator(EvaluationOptions.defaults().withMaxMisclassified(5_000)).evaluate(
                new ByteArrayInputStream(manifest.getBytes(StandardCharsets.UTF_8)), "big", null, null, null, null);
        assertThat(full.misclassified().images()).hasSizeGreaterThan(SummaryTrimmer.ITEM_MISCLASSIFIED);

        String item = IngestService.itemSummary(full);

        assertThat(item.getBytes(StandardCharsets.UTF_8).length).isLessThan(100_000);
        JsonNode stored = Json.mapper().readTree(item);
        assertThat(stored.path("misclassified").path("images")).hasSize(SummaryTrimmer.ITEM_MISCLASSIFIED);
        assertThat(stored.path("misclassified").path("truncated").asBoolean()).isTrue();
        assertThat(stored.path("misclassified").path("total").asLong()).isEqualTo(full.misclassified().total());
        assertThat(stored.path("curves").path("roc").size()).isLessThanOrEqualTo(SummaryTrimmer.ITEM_CURVE_POINTS);
        assertThat(stored.path("metrics").path("images").asLong()).isEqualTo(50_000);
    }

    @Test
    void samplingKeepsTheEndsAndTheOrder() {
        List<Integer> points = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            points.add(i);
        }

        List<Integer> kept = SummaryTrimmer.sample(points, 200);

        assertThat(kept).hasSize(200).startsWith(0).endsWith(999).isSorted();
        assertThat(SummaryTrimmer.sample(points.subList(0, 10), 200)).hasSize(10);
    }
}
