package dev.lfvmetrics.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Artifacts buckets encrypted with a customer managed key can be read, through S3 only. */
class ArtifactsKmsKeysTest {

    private static final String KEY = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    @Test
    void givenArtifactsKeys_whenSynthesized_thenIngestMayDecryptWithThemThroughS3Only() {
        Synth.Synthesized synth = Synth.of(Map.of("artifactsBuckets", "lfv-artifacts", "artifactsKmsKeys", KEY));

        List<Synth.Statement> decrypts = synth.policyStatements().stream()
                .filter(st -> st.actions().contains("kms:Decrypt") && st.resources().contains(KEY))
                .toList();

        assertThat(decrypts).singleElement().satisfies(st -> {
            assertThat(st.actions()).containsExactly("kms:Decrypt");
            assertThat(st.resources()).containsExactly(KEY);
            Map<?, ?> condition = (Map<?, ?>) ((Map<?, ?>) st.raw().get("Condition")).get("StringEquals");
            assertThat(condition.get("kms:ViaService").toString()).contains("s3.").contains("amazonaws.com");
            assertThat(st.policyId()).contains("Ingest");
        });
    }

    @Test
    void givenNoKeys_whenSynthesized_thenNoDecryptOfAnyOtherKey() {
        assertThat(Synth.minimal().policyStatements()).noneSatisfy(st ->
                assertThat(st.raw().get("Sid")).isEqualTo("DecryptArtifactsThroughS3"));
    }

    @Test
    void givenAnAliasInsteadOfAKeyArn_whenSynthesized_thenOneLineNamesTheParameter() {
        assertThatThrownBy(() -> Synth.of(Map.of("artifactsKmsKeys", "alias/my-key")))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining("artifactsKmsKeys")
                .hasMessageContaining("is not a KMS key ARN");
    }
}
