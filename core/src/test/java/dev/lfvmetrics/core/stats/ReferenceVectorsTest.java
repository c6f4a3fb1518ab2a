package dev.lfvmetrics.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lfvmetrics.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The intervals against the reference implementations' answers (scripts/reference/statistics_vectors.py: statsmodels,
 * scipy, R pROC): Wilson to 1e-9, DeLong to 1e-6, the normal quantile to 1e-12.
 */
class ReferenceVectorsTest {

    private static JsonNode vectors() throws IOException {
        try (InputStream in = ReferenceVectorsTest.class.getResourceAsStream("/statistics-vectors.json")) {
            return Json.mapper().readTree(in);
        }
    }

    private static double[] sorted(JsonNode values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).asDouble();
        }
        Arrays.sort(out);
        return out;
    }

    @Test
    void givenScipysQuantiles_whenComputed_thenEqualTo1e12() throws IOException {
        for (JsonNode c : vectors().path("normalQuantiles")) {
            assertThat(NormalQuantile.of(c.path("p").asDouble())).as("p %s", c.path("p"))
                    .isCloseTo(c.path("x").asDouble(), within(1e-12));
        }
    }

    @Test
    void givenStatsmodelsWilsonIntervals_whenComputed_thenEqualTo1e9() throws IOException {
        JsonNode cases = vectors().path("wilson");
        assertThat(cases.size()).isGreaterThan(30);
        for (JsonNode c : cases) {
            double[] interval = Wilson.interval(c.path("successes").asLong(), c.path("n").asLong(),
                    NormalQuantile.twoSided(c.path("level").asDouble()));
            assertThat(interval[0]).as("low of %s", c).isCloseTo(c.path("low").asDouble(), within(1e-9));
            assertThat(interval[1]).as("high of %s", c).isCloseTo(c.path("high").asDouble(), within(1e-9));
        }
    }

    @Test
    void givenProcsDeLongIntervals_whenComputed_thenEqualTo1e6() throws IOException {
        JsonNode cases = vectors().path("delong");
        assertThat(cases.size()).isGreaterThanOrEqualTo(9);
        for (JsonNode c : cases) {
            double[] anomalous = sorted(c.path("anomalous"));
            double[] normal = sorted(c.path("normal"));
            for (JsonNode r : c.path("results")) {
                double z = NormalQuantile.twoSided(r.path("level").asDouble());
                double[] estimate = DeLong.aucAndVariance(anomalous, anomalous.length, normal, normal.length);
                double[] interval = DeLong.interval(anomalous, anomalous.length, normal, normal.length, z);
                String what = c.path("name").asText() + " at " + r.path("level").asText();
                assertThat(estimate[0]).as("auc, %s", what).isCloseTo(r.path("auc").asDouble(), within(1e-9));
                assertThat(estimate[1]).as("variance, %s", what).isCloseTo(r.path("variance").asDouble(),
                        within(1e-9));
                assertThat(interval[0]).as("low, %s", what)
                        .isCloseTo(Math.max(0, r.path("low").asDouble()), within(1e-6));
                assertThat(interval[1]).as("high, %s", what)
                        .isCloseTo(Math.min(1, r.path("high").asDouble()), within(1e-6));
            }
        }
    }

    @Test
    void givenStatsmodelsExactMcNemar_whenComputed_thenEqualTo1e9() throws IOException {
        JsonNode cases = vectors().path("mcnemar");
        assertThat(cases.size()).isGreaterThanOrEqualTo(10);
        for (JsonNode c : cases) {
            assertThat(McNemar.exactPValue(c.path("b").asLong(), c.path("c").asLong())).as("%s", c)
                    .isCloseTo(c.path("pValue").asDouble(), within(1e-9));
        }
    }

    @Test
    void givenProcsPairedDeLongTests_whenComputed_thenEqualTo1e6() throws IOException {
        JsonNode cases = vectors().path("pairedDelong");
        assertThat(cases.size()).isGreaterThanOrEqualTo(5);
        for (JsonNode c : cases) {
            PairedDeLong.Result r = PairedDeLong.test(values(c.path("baseAnomalous")),
                    values(c.path("candidateAnomalous")), values(c.path("baseNormal")),
                    values(c.path("candidateNormal")), NormalQuantile.twoSided(c.path("level").asDouble()));
            String what = c.path("name").asText();
            assertThat(r.difference()).as("difference, %s", what).isCloseTo(c.path("difference").asDouble(),
                    within(1e-9));
            assertThat(r.low()).as("low, %s", what).isCloseTo(c.path("low").asDouble(), within(1e-6));
            assertThat(r.high()).as("high, %s", what).isCloseTo(c.path("high").asDouble(), within(1e-6));
            assertThat(r.pValue()).as("p, %s", what).isCloseTo(c.path("pValue").asDouble(), within(1e-6));
        }
    }

    private static double[] values(JsonNode values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).asDouble();
        }
        return out;
    }
}
