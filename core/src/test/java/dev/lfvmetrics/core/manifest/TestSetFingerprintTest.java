package dev.lfvmetrics.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lfvmetrics.core.Fixtures;
import dev.lfvmetrics.core.evaluate.EvaluationOptions;
import dev.lfvmetrics.core.evaluate.Evaluator;
import dev.lfvmetrics.core.summary.Summary;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TestSetFingerprintTest {

    private static final Evaluator EVALUATOR = new Evaluator(EvaluationOptions.defaults());

    private static List<String> lines() throws IOException {
        return Files.readAllLines(Fixtures.sample("circuit-board", "EvaluationManifest-circuit-board-1.json"));
    }

    private static String fingerprint(List<String> lines) {
        byte[] bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        Summary s = EVALUATOR.evaluate(new ByteArrayInputStream(bytes), "test.jsonl", null, null, null, null);
        return s.testSetFingerprint();
    }

    private static String fingerprintOf(String... refsAndClasses) {
        TestSetFingerprint f = new TestSetFingerprint();
        for (int i = 0; i < refsAndClasses.length; i += 2) {
            char[] ref = refsAndClasses[i].toCharArray();
            f.add(ref, ref.length, refsAndClasses[i + 1].equals("anomaly"));
        }
        return f.value();
    }

    @Test
    void givenTheSameImagesInAnotherOrder_whenEvaluated_thenTheFingerprintIsTheSame() throws IOException {
        List<String> shuffled = new ArrayList<>(lines());
        Collections.shuffle(shuffled, new Random(3));
        assertThat(fingerprint(shuffled)).isEqualTo(fingerprint(lines()))
                .startsWith(TestSetFingerprint.METHOD).hasSize(TestSetFingerprint.METHOD.length() + 32);
    }

    @Test
    void givenOneImageLessOrOneClassChanged_whenEvaluated_thenTheFingerprintDiffers() throws IOException {
        List<String> all = lines();
        String whole = fingerprint(all);
        assertThat(fingerprint(all.subList(1, all.size()))).isNotEqualTo(whole);
        List<String> relabelled = new ArrayList<>(all);
        String first = relabelled.get(0);
        // class-name is the ground truth's authority; the ground-truth metadata comes first on the line.
        String groundTruth = "\"anomaly-label\":1,\"anomaly-label-metadata\":{\"class-name\":\"anomaly\"";
        String flipped = first.replace(groundTruth, "\"anomaly-label\":0,\"anomaly-label-metadata\":"
                + "{\"class-name\":\"normal\"");
        assertThat(flipped).isNotEqualTo(first);
        relabelled.set(0, flipped);
        assertThat(fingerprint(relabelled)).isNotEqualTo(whole);
    }

    @Test
    void givenAnImageSplitAcrossTwoParts_whenMerged_thenAsOnePass() {
        TestSetFingerprint a = new TestSetFingerprint();
        char[] x = "s3://b/x.jpg".toCharArray();
        a.add(x, x.length, true);
        TestSetFingerprint b = new TestSetFingerprint();
        char[] y = "s3://b/ÿé.jpg".toCharArray();
        b.add(y, y.length, false);
        a.merge(b);
        assertThat(a.value()).isEqualTo(fingerprintOf("s3://b/ÿé.jpg", "normal", "s3://b/x.jpg", "anomaly"))
                .isNotEqualTo(fingerprintOf("s3://b/ÿé.jpg", "anomaly", "s3://b/x.jpg", "normal"));
    }
}
