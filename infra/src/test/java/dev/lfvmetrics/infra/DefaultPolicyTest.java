package dev.lfvmetrics.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultPolicyTest {

    private static String fixture(String name) throws IOException {
        try (InputStream in = DefaultPolicyTest.class.getResourceAsStream("/policies/" + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void givenTheDesignExamplePolicy_whenNormalized_thenTheSameDocumentComesBackAsCompactJson() throws IOException {
        String text = fixture("design-example.json");

        String normalized = DefaultPolicy.normalize(text);

        ObjectMapper mapper = new ObjectMapper();
        assertThat(mapper.readTree(normalized)).isEqualTo(mapper.readTree(text));
        assertThat(normalized).doesNotContain("\n").doesNotContain("  ");
    }

    @Test
    void givenNoPolicy_whenNormalized_thenItIsEmpty() {
        assertThat(DefaultPolicy.normalize(null)).isEmpty();
        assertThat(DefaultPolicy.normalize("  ")).isEmpty();
    }

    @Test
    void givenAPolicyObjectFromCdkJson_whenNormalized_thenItIsSerialized() {
        String normalized = DefaultPolicy.normalize(Map.of("minimums", Map.of("recall", 0.7)));

        assertThat(normalized).isEqualTo("{\"minimums\":{\"recall\":0.7}}");
    }

    @Test
    void givenAnUnknownSection_whenNormalized_thenTheErrorNamesIt() throws IOException {
        assertThatThrownBy(() -> DefaultPolicy.normalize(fixture("unknown-section.json")))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining("context 'defaultPolicy'")
                .hasMessageContaining("unknown key \"minimum\"");
    }

    @Test
    void givenALimitThatIsAString_whenNormalized_thenTheErrorNamesItsPath() throws IOException {
        assertThatThrownBy(() -> DefaultPolicy.normalize(fixture("limit-not-a-number.json")))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining("minimums.f1Score: expected a number");
    }

    @Test
    void givenLabelLimitsThatAreNotAnObject_whenNormalized_thenTheErrorNamesTheLabel() throws IOException {
        assertThatThrownBy(() -> DefaultPolicy.normalize(fixture("label-limits-not-an-object.json")))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining("labelMinimums.scratch: expected an object");
    }

    @Test
    void givenAnUnknownMetricName_whenNormalized_thenSynthFailsAsTheFunctionsWouldAtRunTime() {
        assertThatThrownBy(() -> DefaultPolicy.normalize("{\"minimums\":{\"f1\":0.8}}"))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining("context 'defaultPolicy'")
                .hasMessageContaining("minimums.f1: unknown metric");
    }

    @Test
    void givenANegativeDrop_whenNormalized_thenItIsRejected() {
        assertThatThrownBy(() -> DefaultPolicy.normalize("{\"maximumDrops\":{\"recall\":-0.1}}"))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining("maximumDrops.recall: a drop must not be negative");
    }

    @Test
    void givenTruncatedJson_whenNormalized_thenTheErrorSaysItIsNotJson() throws IOException {
        assertThatThrownBy(() -> DefaultPolicy.normalize(fixture("truncated.json")))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining("is not valid JSON");
    }

    @Test
    void givenAJsonArray_whenNormalized_thenItIsRejected() {
        assertThatThrownBy(() -> DefaultPolicy.normalize("[1,2]"))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining("must be a JSON object");
    }

    @Test
    void givenAPolicyTooLargeForTheLambdaEnvironment_whenNormalized_thenItIsRejected() {
        StringBuilder labels = new StringBuilder("{\"labelMinimums\":{");
        for (int i = 0; i < 200; i++) {
            labels.append(i == 0 ? "" : ",").append("\"label").append(i).append("\":{\"f1Score\":0.5}");
        }
        String large = labels.append("}}").toString();

        assertThatThrownBy(() -> DefaultPolicy.normalize(large))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining("at most " + DefaultPolicy.MAX_LENGTH);
    }
}
