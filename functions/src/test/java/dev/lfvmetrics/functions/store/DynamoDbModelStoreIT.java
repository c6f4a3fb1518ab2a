package dev.lfvmetrics.functions.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lfvmetrics.core.summary.Summary;
import dev.lfvmetrics.functions.testing.MotoExtension;
import dev.lfvmetrics.functions.testing.Samples;
import dev.lfvmetrics.functions.testing.TestAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(MotoExtension.class)
class DynamoDbModelStoreIT {

    private TestAccount account;
    private DynamoDbModelStore store;
    private String summaryJson;

    @BeforeEach
    void setUp() {
        account = new TestAccount();
        account.createTable();
        store = new DynamoDbModelStore(account.dynamo(), TestAccount.TABLE);
        Summary summary = Samples.summary("circuit-board", "1");
        summaryJson = Samples.json(summary);
    }

    private ModelRecord record(String project, String version, String hash) {
        return new ModelRecord(project, version, "TRAINED", "Training completed successfully.", summaryJson,
                "2026-11-25T10:00:00Z", "s3://b/EvaluationManifest-" + project + "-" + version + ".json",
                "lfv-metrics/" + project + "/" + version + "/", hash);
    }

    private ModelRecord failed(String project, String version) {
        return new ModelRecord(project, version, ModelRecord.TRAINING_FAILED, "Out of memory", null,
                "2026-11-25T10:00:00Z", "watcher", null, "failed-" + version);
    }

    private List<Map<String, AttributeValue>> items(String project) {
        return account.dynamo().query(b -> b.tableName(TestAccount.TABLE)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("PROJECT#" + project)))).items();
    }

    @Test
    void storesANewVersionAndPointsTheLatestAtIt() {
        assertThat(store.save(record("pcb", "1", "h1"))).isEqualTo(SaveOutcome.STORED);

        assertThat(store.model("pcb", "1")).get().isEqualTo(record("pcb", "1", "h1"));
        assertThat(store.latest("pcb")).get().extracting(ModelRecord::version).isEqualTo("1");
        List<ProjectHead> projects = store.projects();
        assertThat(projects).singleElement().satisfies(head -> {
            assertThat(head.project()).isEqualTo("pcb");
            assertThat(head.version()).isEqualTo("1");
            assertThat(head.headline()).containsKeys("f1Score", "precision", "recall", "rocAuc", "images");
            assertThat(head.headline().get("images")).isEqualTo(140.0);
        });
    }

    @Test
    void givenTheSameContentTwiceThenTheSecondWriteIsADuplicateAndOneItemRemains() {
        store.save(record("pcb", "1", "h1"));

        assertThat(store.save(record("pcb", "1", "h1"))).isEqualTo(SaveOutcome.DUPLICATE);

        assertThat(items("pcb")).extracting(item -> item.get("sk").s())
                .containsExactlyInAnyOrder("LATEST", "MODEL#0000000001");
    }

    @Test
    void givenNewContentForAStoredVersionThenItIsUpdated() {
        store.save(record("pcb", "1", "h1"));

        assertThat(store.save(record("pcb", "1", "h2"))).isEqualTo(SaveOutcome.UPDATED);
        assertThat(store.model("pcb", "1")).get().extracting(ModelRecord::contentHash).isEqualTo("h2");
    }

    @Test
    void givenVersionsOutOfOrderThenTheLatestPointerNeverGoesBackwards() {
        store.save(record("pcb", "10", "h10"));
        store.save(record("pcb", "9", "h9"));
        store.save(record("pcb", "2", "h2"));

        assertThat(store.latest("pcb")).get().extracting(ModelRecord::version).isEqualTo("10");
        assertThat(store.model("pcb", "9")).isPresent();
        assertThat(store.projects()).singleElement().extracting(ProjectHead::version).isEqualTo("10");
    }

    @Test
    void historyIsNewestFirstAndPagesWithAnOpaqueToken() {
        for (int v = 1; v <= 5; v++) {
            store.save(record("pcb", Integer.toString(v), "h" + v));
        }
        store.save(record("other", "7", "h7"));

        List<String> versions = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        String next = null;
        do {
            Page<ModelRecord> page = store.history("pcb", 2, next);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
            page.items().forEach(m -> versions.add(m.version()));
            next = page.next();
            tokens.add(next);
        } while (next != null);

        assertThat(versions).containsExactly("5", "4", "3", "2", "1");
        assertThat(tokens.get(0)).doesNotContain("PROJECT#").matches("[A-Za-z0-9_-]+");
    }

    @Test
    void aTokenFromAnotherProjectOrGarbageIsRefused() {
        store.save(record("pcb", "1", "h1"));
        store.save(record("pcb", "2", "h2"));
        store.save(record("other", "1", "h1"));
        store.save(record("other", "2", "h2"));
        String otherToken = store.history("other", 1, null).next();
        assertThat(otherToken).isNotNull();

        assertThatThrownBy(() -> store.history("pcb", 1, otherToken))
                .isInstanceOf(InvalidPageTokenException.class);
        assertThatThrownBy(() -> store.history("pcb", 1, "not-base64!"))
                .isInstanceOf(InvalidPageTokenException.class);
    }

    @Test
    void thePreviousEvaluatedVersionSkipsFailedTrainingsAndHigherVersions() {
        store.save(record("pcb", "1", "h1"));
        store.save(failed("pcb", "2"));
        store.save(record("pcb", "3", "h3"));
        store.save(record("pcb", "11", "h11"));

        assertThat(store.previousEvaluated("pcb", "3")).get().extracting(ModelRecord::version).isEqualTo("1");
        assertThat(store.previousEvaluated("pcb", "11")).get().extracting(ModelRecord::version).isEqualTo("3");
        assertThat(store.previousEvaluated("pcb", "1")).isEmpty();
    }

    @Test
    void aFailedTrainingIsStoredWithoutASummaryAndBecomesTheLatest() {
        store.save(record("pcb", "1", "h1"));
        assertThat(store.save(failed("pcb", "2"))).isEqualTo(SaveOutcome.STORED);

        ModelRecord latest = store.latest("pcb").orElseThrow();
        assertThat(latest.status()).isEqualTo(ModelRecord.TRAINING_FAILED);
        assertThat(latest.evaluated()).isFalse();
        assertThat(store.projects()).singleElement().satisfies(head -> assertThat(head.headline()).isEmpty());
    }

    @Test
    void anAlertIsClaimedOnceAndStaysPendingUntilMarkedSent() {
        assertThat(store.claimAlert("pcb", "3", "MINIMUM#f1Score")).isEqualTo(AlertState.NEW);
        assertThat(store.claimAlert("pcb", "3", "MINIMUM#f1Score")).isEqualTo(AlertState.PENDING);

        store.markAlertSent("pcb", "3", "MINIMUM#f1Score");

        assertThat(store.claimAlert("pcb", "3", "MINIMUM#f1Score")).isEqualTo(AlertState.SENT);
        assertThat(store.claimAlert("pcb", "3", "MINIMUM#recall")).isEqualTo(AlertState.NEW);
        Map<String, AttributeValue> record = items("pcb").stream()
                .filter(i -> i.get("sk").s().equals("ALERT#3#MINIMUM#f1Score")).findFirst().orElseThrow();
        assertThat(record.get("expiresAt").n()).isNotBlank();
    }

    @Test
    void aPolicyIsStoredPerProject() {
        assertThat(store.policy("pcb")).isEmpty();

        store.putPolicy("pcb", "{\"minimums\":{\"f1Score\":0.8}}");

        assertThat(store.policy("pcb")).contains("{\"minimums\":{\"f1Score\":0.8}}");
        assertThat(store.policy("other")).isEmpty();
    }

    @Test
    void theTableIsCreatedOnlyWhenMissingWithItsStreamAndTtl() {
        assertThat(TableDefinition.createIfMissing(account.dynamo(), TestAccount.TABLE)).isFalse();
        assertThat(TableDefinition.createIfMissing(account.dynamo(), "lfv-local")).isTrue();

        assertThat(account.dynamo().describeTable(b -> b.tableName("lfv-local")).table().latestStreamArn())
                .isNotBlank();
        assertThat(account.dynamo().describeTimeToLive(b -> b.tableName("lfv-local")).timeToLiveDescription()
                .attributeName()).isEqualTo("expiresAt");
    }
}
