package dev.lfvmetrics.functions.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lfvmetrics.core.summary.Summary;
import dev.lfvmetrics.functions.testing.MotoExtension;
import dev.lfvmetrics.functions.testing.Samples;
import dev.lfvmetrics.functions.testing.TestAccount;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What only the DynamoDB store shows (its items, token scoping, the table's creation); the rest: the contract. */
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


    private List<Map<String, AttributeValue>> items(String project) {
        return account.dynamo().query(b -> b.tableName(TestAccount.TABLE)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("PROJECT#" + project)))).items();
    }


    @Test
    void givenTheSameContentTwiceThenTheSecondWriteIsADuplicateAndOneItemRemains() {
        store.save(record("pcb", "1", "h1"));

        assertThat(store.save(record("pcb", "1", "h1"))).isEqualTo(SaveOutcome.DUPLICATE);

        assertThat(items("pcb")).extracting(item -> item.get("sk").s())
                .containsExactlyInAnyOrder("LATEST", "MODEL#0000000001");
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
    void anAlertRecordExpiresThroughTheTablesTtl() {
        store.claimAlert("pcb", "3", "MINIMUM#f1Score");

        Map<String, AttributeValue> record = items("pcb").stream()
                .filter(i -> i.get("sk").s().equals("ALERT#3#MINIMUM#f1Score")).findFirst().orElseThrow();
        assertThat(record.get("expiresAt").n()).isNotBlank();
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
