package dev.lfvmetrics.functions.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lfvmetrics.functions.artifacts.S3Uri;
import org.junit.jupiter.api.Test;

class ArtifactNamesTest {

    @Test
    void aVersionedResultsSiblingsAreTheSameStemThenTheUnversionedForm() {
        S3Uri result = S3Uri.parse("s3://b/out/EvaluationResult-my-project-12.json");

        assertThat(ArtifactNames.siblings(result, ArtifactNames.MANIFEST)).extracting(S3Uri::toString).containsExactly(
                "s3://b/out/EvaluationManifest-my-project-12.json",
                "s3://b/out/EvaluationManifest-my-project-12.jsonl",
                "s3://b/out/EvaluationManifest-my-project.json");
    }

    @Test
    void anUnversionedNameHasOnlyItsOwnStemAndNoDescriptionOrIdentity() {
        S3Uri manifest = S3Uri.parse("s3://b/EvaluationManifest-cookies.json");

        assertThat(ArtifactNames.siblings(manifest, ArtifactNames.RESULT)).extracting(S3Uri::key)
                .containsExactly("EvaluationResult-cookies.json", "EvaluationResult-cookies.jsonl");
        assertThat(ArtifactNames.description(manifest)).isNull();
        assertThat(ArtifactNames.identity(manifest.fileName())).isNull();
    }

    @Test
    void aVersionedNameGivesTheDescriptionBesideItAndAnIdentity() {
        S3Uri manifest = S3Uri.parse("s3://b/x/EvaluationManifest-circuit-board-2.json");

        assertThat(ArtifactNames.description(manifest))
                .isEqualTo(S3Uri.parse("s3://b/x/DescribeModel-circuit-board-2.json"));
        assertThat(ArtifactNames.identity(manifest.fileName())).containsExactly("circuit-board", "2");
    }

    @Test
    void onlyEvaluationArtifactsHaveAKind() {
        assertThat(ArtifactNames.kind("EvaluationResult-p-1.json")).isEqualTo(ArtifactNames.RESULT);
        assertThat(ArtifactNames.kind("EvaluationManifest-p.json")).isEqualTo(ArtifactNames.MANIFEST);
        assertThat(ArtifactNames.kind("DescribeModel-p-1.json")).isNull();
        assertThat(ArtifactNames.kind("EvaluationResult-.json")).isNull();
        assertThat(ArtifactNames.kind("EvaluationResult-p-1.txt")).isNull();
    }
}
