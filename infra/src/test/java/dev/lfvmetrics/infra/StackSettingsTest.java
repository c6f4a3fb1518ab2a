package dev.lfvmetrics.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.App;

class StackSettingsTest {

    @TempDir
    Path dir;

    private Path jar;

    @BeforeEach
    void createJar() throws IOException {
        jar = Files.write(dir.resolve("functions.jar"), new byte[] {'P', 'K', 3, 4});
    }

    private StackSettings read(Map<String, Object> context) {
        Map<String, Object> withJar = new HashMap<>(context);
        withJar.put("functionsJar", jar.toString());
        App app = App.Builder.create().context(withJar).build();
        return StackSettings.fromContext(app.getNode(), dir);
    }

    @Test
    void givenNoContext_whenRead_thenEveryParameterHasItsDefault() {
        StackSettings settings = read(Map.of());

        assertThat(settings.artifactsBuckets()).isEmpty();
        assertThat(settings.artifactsPrefix()).isEmpty();
        assertThat(settings.alertEmails()).isEmpty();
        assertThat(settings.slack()).isEmpty();
        assertThat(settings.defaultPolicy()).isEmpty();
        assertThat(settings.apiAuth()).isEqualTo(ApiAuth.IAM);
        assertThat(settings.watchedProjects()).isEmpty();
        assertThat(settings.modelCatalog()).isEqualTo(ModelCatalog.LIVE);
        assertThat(settings.descriptionBucket()).isEmpty();
        assertThat(settings.functionsJar()).isEqualTo(jar);
    }

    @Test
    void givenCommaSeparatedValuesWithSpaces_whenRead_thenTheyAreSplitAndTrimmed() {
        StackSettings settings = read(Map.of(
                "artifactsBuckets", " bucket-one , bucket.two ",
                "alertEmails", "a@example.com, b@example.org,",
                "watchedProjects", "cookies,circuit_boards-2",
                "slackWorkspaceId", "T0123ABCD",
                "slackChannelId", "C0123ABCD",
                "apiAuth", "NONE",
                "artifactsPrefix", "lookout/output/"));

        assertThat(settings.artifactsBuckets()).containsExactly("bucket-one", "bucket.two");
        assertThat(settings.alertEmails()).containsExactly("a@example.com", "b@example.org");
        assertThat(settings.watchedProjects()).containsExactly("cookies", "circuit_boards-2");
        assertThat(settings.slack()).contains(new SlackChannel("T0123ABCD", "C0123ABCD"));
        assertThat(settings.apiAuth()).isEqualTo(ApiAuth.NONE);
        assertThat(settings.artifactsPrefix()).isEqualTo("lookout/output/");
    }

    @Test
    void givenListsFromCdkJson_whenRead_thenTheyAreTakenAsLists() {
        StackSettings settings = read(Map.of("artifactsBuckets", List.of("bucket-one", "bucket-two")));

        assertThat(settings.artifactsBuckets()).containsExactly("bucket-one", "bucket-two");
    }

    @Test
    void givenADescriptionBucket_whenRead_thenTheS3CatalogIsTheDefault() {
        StackSettings settings = read(Map.of("watchedProjects", "cookies", "descriptionBucket", "saved-descriptions"));

        assertThat(settings.modelCatalog()).isEqualTo(ModelCatalog.S3);
        assertThat(settings.descriptionBucket()).contains("saved-descriptions");
    }

    @Test
    void givenADescriptionBucketAndTheLiveCatalog_whenRead_thenTheExplicitCatalogWins() {
        StackSettings settings = read(Map.of("descriptionBucket", "saved-descriptions", "modelCatalog", "live"));

        assertThat(settings.modelCatalog()).isEqualTo(ModelCatalog.LIVE);
    }

    @Test
    void givenAnInvalidBucketName_whenRead_thenTheErrorNamesParameterAndValue() {
        assertThatThrownBy(() -> read(Map.of("artifactsBuckets", "My_Bucket")))
                .isInstanceOf(InvalidContextException.class)
                .hasMessage("context 'artifactsBuckets': 'My_Bucket' is not a valid S3 bucket name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://host/ui/", "127.0.0.1:8080/ui/", "https://host/ui/#/p/x", "not a url"})
    void givenADashboardUrlThatIsNotAnHttpAddress_whenRead_thenTheErrorNamesIt(String url) {
        assertThatThrownBy(() -> read(Map.of("dashboardUrl", url)))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageStartingWith("context 'dashboardUrl': dashboardUrl ");
    }

    @Test
    void givenADashboardUrlWithoutTrailingSlash_whenRead_thenOneIsAdded() {
        assertThat(read(Map.of("dashboardUrl", "http://127.0.0.1:8080/ui")).dashboardUrl())
                .contains(java.net.URI.create("http://127.0.0.1:8080/ui/"));
        assertThat(read(Map.of()).dashboardUrl()).isEmpty();
    }

    @Test
    void givenABucketListedTwice_whenRead_thenItIsRejected() {
        assertThatThrownBy(() -> read(Map.of("artifactsBuckets", "bucket-one,bucket-one")))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining("'bucket-one' is listed twice");
    }

    @Test
    void givenAnAddressWithoutDomain_whenRead_thenTheErrorNamesIt() {
        assertThatThrownBy(() -> read(Map.of("alertEmails", "ops@example.com,ops")))
                .isInstanceOf(InvalidContextException.class)
                .hasMessage("context 'alertEmails': 'ops' is not an e-mail address");
    }

    @Test
    void givenOnlyASlackChannel_whenRead_thenTheMissingWorkspaceIsNamed() {
        assertThatThrownBy(() -> read(Map.of("slackChannelId", "C0123ABCD")))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining("context 'slackWorkspaceId': is required");
    }

    @Test
    void givenALowerCaseWorkspaceId_whenRead_thenItIsRejected() {
        assertThatThrownBy(() -> read(Map.of("slackWorkspaceId", "t0123", "slackChannelId", "C0123ABCD")))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining("'t0123' is not a Slack workspace id");
    }

    @Test
    void givenAnUnknownApiAuth_whenRead_thenTheAllowedValuesAreListed() {
        assertThatThrownBy(() -> read(Map.of("apiAuth", "cognito")))
                .isInstanceOf(InvalidContextException.class)
                .hasMessage("context 'apiAuth': 'cognito' is not one of: iam, none");
    }

    @Test
    void givenAProjectNameWithASlash_whenRead_thenItIsRejected() {
        assertThatThrownBy(() -> read(Map.of("watchedProjects", "cookies/1")))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining("'cookies/1' is not a Lookout for Vision project name");
    }

    @Test
    void givenTheS3CatalogWithoutADescriptionBucket_whenRead_thenItIsRejectedBecauseTheFunctionsNeedOne() {
        assertThatThrownBy(() -> read(Map.of("modelCatalog", "s3")))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining("context 'modelCatalog': 's3' needs descriptionBucket");
    }

    @Test
    void givenAnUnknownCatalog_whenRead_thenTheAllowedValuesAreListed() {
        assertThatThrownBy(() -> read(Map.of("modelCatalog", "dynamodb")))
                .isInstanceOf(InvalidContextException.class)
                .hasMessage("context 'modelCatalog': 'dynamodb' is not one of: live, s3");
    }

    @Test
    void givenAPrefixWithALeadingSlashOrAWildcard_whenRead_thenItIsRejected() {
        assertThatThrownBy(() -> read(Map.of("artifactsPrefix", "/lookout/")))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining("must not start with '/'");
        assertThatThrownBy(() -> read(Map.of("artifactsPrefix", "lookout/*/")))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining("must not contain '*'");
    }

    @Test
    void givenAnInvalidDefaultPolicy_whenRead_thenTheSettingsFailOnIt() {
        assertThatThrownBy(() -> read(Map.of("defaultPolicy", "{\"minimums\":{\"f1Score\":true}}")))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining("context 'defaultPolicy'");
    }
}
