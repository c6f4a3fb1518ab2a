package dev.lfvmetrics.functions.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lfvmetrics.functions.store.AlertState;
import dev.lfvmetrics.functions.store.InvalidPageTokenException;
import dev.lfvmetrics.functions.store.ModelRecord;
import dev.lfvmetrics.functions.store.ModelStore;
import dev.lfvmetrics.functions.store.Page;
import dev.lfvmetrics.functions.store.ProjectHead;
import dev.lfvmetrics.functions.store.SaveOutcome;
import dev.lfvmetrics.functions.store.VersionTakenException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ModelStore} promises, run on the DynamoDB store (moto) and on the local mode's file store:
 * idempotent saves, a latest pointer that never goes backwards, newest-first paged history, the previous evaluated
 * version, policies, alert claims; for SageMaker, one version per training-job ARN, tags claimed, pending records
 * that never replace an evaluation. What only one store can show (its items, its file) stays in that store's test.
 */
public abstract class ModelStoreContract {

    private static final String ARN = "arn:aws:sagemaker:us-east-1:123456789012:training-job/";

    /** @return a fresh, empty store */
    protected abstract ModelStore store();

    private static ModelRecord pending(String project, String version, String hash) {
        return new ModelRecord(project, version, ModelRecord.TRAINED, "evaluation pending", null,
                "2026-11-25T10:00:00Z", ARN + "j", null, hash, "{\"name\":\"j\"}");
    }

    private static ModelRecord evaluated(String project, String version, String hash) {
        return new ModelRecord(project, version, ModelRecord.TRAINED, null, Samples.json(
                Samples.summary("circuit-board", "1")), "2026-11-25T11:00:00Z", "s3://b/gt.manifest",
                "lfv-metrics/" + project + "/" + version + "/", hash, "{\"name\":\"j\"}");
    }

    private static final String SUMMARY = Samples.json(Samples.summary("circuit-board", "1"));

    private static ModelRecord record(String project, String version, String hash) {
        return new ModelRecord(project, version, "TRAINED", "Training completed successfully.", SUMMARY,
                "2026-11-25T10:00:00Z", "s3://b/EvaluationManifest-" + project + "-" + version + ".json",
                "lfv-metrics/" + project + "/" + version + "/", hash);
    }

    private static ModelRecord failed(String project, String version) {
        return new ModelRecord(project, version, ModelRecord.TRAINING_FAILED, "Out of memory", null,
                "2026-11-25T10:00:00Z", "watcher", null, "failed-" + version);
    }

    @Test
    void givenANewVersion_whenSaved_thenStoredAndTheLatestPointsAtIt() {
        ModelStore store = store();

        assertThat(store.save(record("pcb", "1", "h1"))).isEqualTo(SaveOutcome.STORED);

        assertThat(store.model("pcb", "1")).get().isEqualTo(record("pcb", "1", "h1"));
        assertThat(store.latest("pcb")).get().extracting(ModelRecord::version).isEqualTo("1");
        assertThat(store.projects()).singleElement().satisfies(head -> {
            assertThat(head.project()).isEqualTo("pcb");
            assertThat(head.version()).isEqualTo("1");
            assertThat(head.headline()).containsKeys("f1Score", "precision", "recall", "rocAuc", "images");
            assertThat(head.headline().get("images")).isEqualTo(140.0);
        });
    }

    @Test
    void givenTheSameContentTwice_whenSaved_thenTheSecondIsADuplicate() {
        ModelStore store = store();
        store.save(record("pcb", "1", "h1"));

        assertThat(store.save(record("pcb", "1", "h1"))).isEqualTo(SaveOutcome.DUPLICATE);
        assertThat(store.history("pcb", 10, null).items()).hasSize(1);
    }

    @Test
    void givenNewContentForAStoredVersion_whenSaved_thenUpdated() {
        ModelStore store = store();
        store.save(record("pcb", "1", "h1"));

        assertThat(store.save(record("pcb", "1", "h2"))).isEqualTo(SaveOutcome.UPDATED);
        assertThat(store.model("pcb", "1")).get().extracting(ModelRecord::contentHash).isEqualTo("h2");
    }

    @Test
    void givenVersionsOutOfOrder_whenSaved_thenTheLatestNeverGoesBackwards() {
        ModelStore store = store();
        store.save(record("pcb", "10", "h10"));
        store.save(record("pcb", "9", "h9"));
        store.save(record("pcb", "2", "h2"));

        assertThat(store.latest("pcb")).get().extracting(ModelRecord::version).isEqualTo("10");
        assertThat(store.model("pcb", "9")).isPresent();
        assertThat(store.projects()).singleElement().extracting(ProjectHead::version).isEqualTo("10");
    }

    @Test
    void givenManyVersions_whenPaged_thenNewestFirstWithAnOpaqueToken() {
        ModelStore store = store();
        for (int v = 1; v <= 5; v++) {
            store.save(record("pcb", Integer.toString(v), "h" + v));
        }
        store.save(record("other", "7", "h7"));

        List<String> versions = new ArrayList<>();
        String next = null;
        do {
            Page<ModelRecord> page = store.history("pcb", 2, next);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
            page.items().forEach(m -> versions.add(m.version()));
            next = page.next();
        } while (next != null);

        assertThat(versions).containsExactly("5", "4", "3", "2", "1");
        assertThatThrownBy(() -> store.history("pcb", 1, "not-base64!"))
                .isInstanceOf(InvalidPageTokenException.class);
    }

    @Test
    void givenFailedAndHigherVersions_whenThePreviousEvaluatedIsAsked_thenTheyAreSkipped() {
        ModelStore store = store();
        store.save(record("pcb", "1", "h1"));
        store.save(failed("pcb", "2"));
        store.save(record("pcb", "3", "h3"));
        store.save(record("pcb", "11", "h11"));

        assertThat(store.previousEvaluated("pcb", "3")).get().extracting(ModelRecord::version).isEqualTo("1");
        assertThat(store.previousEvaluated("pcb", "11")).get().extracting(ModelRecord::version).isEqualTo("3");
        assertThat(store.previousEvaluated("pcb", "1")).isEmpty();
    }

    @Test
    void givenAFailedTraining_whenSaved_thenItHasNoSummaryAndBecomesTheLatest() {
        ModelStore store = store();
        store.save(record("pcb", "1", "h1"));

        assertThat(store.save(failed("pcb", "2"))).isEqualTo(SaveOutcome.STORED);

        ModelRecord latest = store.latest("pcb").orElseThrow();
        assertThat(latest.status()).isEqualTo(ModelRecord.TRAINING_FAILED);
        assertThat(latest.evaluated()).isFalse();
        assertThat(store.projects()).singleElement().satisfies(head -> assertThat(head.headline()).isEmpty());
    }

    @Test
    void givenAnAlert_whenClaimed_thenOnceAndPendingUntilMarkedSent() {
        ModelStore store = store();

        assertThat(store.claimAlert("pcb", "3", "MINIMUM#f1Score")).isEqualTo(AlertState.NEW);
        assertThat(store.claimAlert("pcb", "3", "MINIMUM#f1Score")).isEqualTo(AlertState.PENDING);
        store.markAlertSent("pcb", "3", "MINIMUM#f1Score");

        assertThat(store.claimAlert("pcb", "3", "MINIMUM#f1Score")).isEqualTo(AlertState.SENT);
        assertThat(store.alertState("pcb", "3", "MINIMUM#f1Score")).contains(AlertState.SENT);
        assertThat(store.claimAlert("pcb", "3", "MINIMUM#recall")).isEqualTo(AlertState.NEW);
    }

    @Test
    void givenAPolicy_whenStored_thenItIsTheProjectsOnly() {
        ModelStore store = store();
        assertThat(store.policy("pcb")).isEmpty();

        store.putPolicy("pcb", "{\"minimums\":{\"f1Score\":0.8}}");

        assertThat(store.policy("pcb")).contains("{\"minimums\":{\"f1Score\":0.8}}");
        assertThat(store.policy("other")).isEmpty();
    }

    @Test
    void givenTheSameJobTwice_whenAssigned_thenOneVersion() {
        ModelStore store = store();

        String first = store.assignVersion("p", ARN + "a", null);
        String again = store.assignVersion("p", ARN + "a", null);

        assertThat(first).isEqualTo("1");
        assertThat(again).isEqualTo("1");
    }

    @Test
    void givenJobsInTurn_whenAssigned_thenNextVersionsAboveEveryStoredOne() {
        ModelStore store = store();
        store.save(evaluated("p", "4", "h4"));

        String a = store.assignVersion("p", ARN + "a", null);
        String b = store.assignVersion("p", ARN + "b", null);
        String other = store.assignVersion("q", ARN + "c", null);

        assertThat(a).isEqualTo("5");
        assertThat(b).isEqualTo("6");
        assertThat(other).isEqualTo("1");
        assertThat(store.assignVersion("p", ARN + "a", null)).isEqualTo("5");
    }

    @Test
    void givenRequestedVersion_whenAssigned_thenItIsClaimedAndTheNextFreeOneSkipsIt() {
        ModelStore store = store();

        assertThat(store.assignVersion("p", ARN + "tagged", "2")).isEqualTo("2");
        assertThat(store.assignVersion("p", ARN + "tagged", "2")).isEqualTo("2");
        assertThat(store.assignVersion("p", ARN + "untagged", null)).isEqualTo("3");
    }

    @Test
    void givenVersionOfAnotherJob_whenRequested_thenRefusedNamingTheOwner() {
        ModelStore store = store();
        store.assignVersion("p", ARN + "first", "2");

        assertThatThrownBy(() -> store.assignVersion("p", ARN + "second", "2"))
                .isInstanceOf(VersionTakenException.class)
                .hasMessage("version 2 of project p already belongs to training job " + ARN + "first");
    }

    @Test
    void givenEvaluatedVersion_whenAPendingRecordArrives_thenTheEvaluationStays() {
        ModelStore store = store();
        store.save(evaluated("p", "1", "evaluated"));

        SaveOutcome late = store.save(pending("p", "1", "pending"));

        assertThat(late).isEqualTo(SaveOutcome.DUPLICATE);
        assertThat(store.model("p", "1")).hasValueSatisfying(m -> assertThat(m.evaluated()).isTrue());
    }

    @Test
    void givenPendingVersion_whenItsEvaluationArrives_thenItIsUpdatedAndKeepsItsTrainingFacts() {
        ModelStore store = store();
        assertThat(store.save(pending("p", "1", "pending"))).isEqualTo(SaveOutcome.STORED);

        SaveOutcome evaluated = store.save(evaluated("p", "1", "evaluated"));

        assertThat(evaluated).isEqualTo(SaveOutcome.UPDATED);
        ModelRecord model = store.model("p", "1").orElseThrow();
        assertThat(model.evaluated()).isTrue();
        assertThat(model.trainingJson()).isEqualTo("{\"name\":\"j\"}");
        assertThat(store.latest("p")).hasValueSatisfying(m -> assertThat(m.version()).isEqualTo("1"));
    }

    @Test
    void givenPendingVersion_whenAnotherPendingRecordArrives_thenItIsReplaced() {
        ModelStore store = store();
        store.save(pending("p", "1", "first"));

        assertThat(store.save(pending("p", "1", "second"))).isEqualTo(SaveOutcome.UPDATED);
        assertThat(store.save(pending("p", "1", "second"))).isEqualTo(SaveOutcome.DUPLICATE);
    }
}
