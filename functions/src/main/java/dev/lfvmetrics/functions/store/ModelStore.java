package dev.lfvmetrics.functions.store;

import java.util.List;
import java.util.Optional;

/**
 * Where evaluated models, the projects' latest pointers, threshold policies and alert records live.
 * Every write is idempotent: repeating it leaves the same state.
 */
public interface ModelStore {

    /**
     * Stores a model version unless the same content is already there, then moves the project's latest pointer to
     * it unless a higher version is already the latest. A {@link ModelRecord#pending() pending} record never
     * replaces one that has an evaluation (a training event redelivered after its transform's evaluation): that
     * save is a {@link SaveOutcome#DUPLICATE}.
     *
     * @param record the model
     * @return what the model write did
     */
    SaveOutcome save(ModelRecord record);

    /**
     * @param project project
     * @param version version
     * @return the model, if stored
     */
    Optional<ModelRecord> model(String project, String version);

    /**
     * @param project project
     * @return the newest stored version of the project
     */
    Optional<ModelRecord> latest(String project);

    /**
     * @param project project
     * @param version version
     * @return the highest version below {@code version} that has an evaluation
     */
    Optional<ModelRecord> previousEvaluated(String project, String version);

    /**
     * @param project project
     * @param limit   page size, 1 to 100
     * @param next    token from the previous page, or null for the first
     * @return versions newest first
     */
    Page<ModelRecord> history(String project, int limit, String next);

    /** @return every project's latest pointer, by project name */
    List<ProjectHead> projects();

    /**
     * @param project project
     * @return the project's threshold policy JSON, if one was stored
     */
    Optional<String> policy(String project);

    /**
     * @param project    project
     * @param policyJson validated threshold policy JSON
     */
    void putPolicy(String project, String policyJson);

    /**
     * Claims one alert: creates its record as PENDING unless it exists.
     *
     * @param project   project
     * @param version   version
     * @param breachKey what was breached (kind, metric, label)
     * @return NEW when created now, otherwise the existing record's state
     */
    AlertState claimAlert(String project, String version, String breachKey);

    /**
     * Records that an alert was published.
     *
     * @param project   project
     * @param version   version
     * @param breachKey what was breached
     */
    void markAlertSent(String project, String version, String breachKey);

    /**
     * @param project   project
     * @param version   version
     * @param breachKey what was breached
     * @return the alert record's state, if there is one
     */
    Optional<AlertState> alertState(String project, String version, String breachKey);

    /**
     * The version of a SageMaker training job, assigned once per job: the same job ARN always gets the same version,
     * however often or in whatever order its events arrive. A requested version (a tag on the job) is claimed for the
     * job; otherwise the next free version above every stored and assigned one is.
     *
     * @param project   project
     * @param jobArn    the training job's ARN
     * @param requested the version the job asks for, or {@code null} to assign the next one
     * @return the job's version
     * @throws VersionTakenException when the requested version already belongs to another job
     */
    String assignVersion(String project, String jobArn, String requested);
}
