package dev.lfvmetrics.functions.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lfvmetrics.functions.store.ModelRecord;
import dev.lfvmetrics.functions.store.ModelStore;
import dev.lfvmetrics.functions.store.SaveOutcome;
import dev.lfvmetrics.functions.store.VersionTakenException;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ModelStore} promises for SageMaker versions: one version per training-job ARN, tags claimed,
 * pending records that never replace an evaluation. Run on the DynamoDB store (moto) and on the local file store.
 */
public abstract class VersionAssignmentContract {

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
