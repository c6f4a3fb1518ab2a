package dev.lfvmetrics.functions.alert;

import dev.lfvmetrics.contracts.EnvironmentVariables;
import dev.lfvmetrics.core.error.InvalidInputException;
import dev.lfvmetrics.core.format.Formats;
import dev.lfvmetrics.core.policy.PerImageResults;
import dev.lfvmetrics.core.policy.PolicyEvaluator;
import dev.lfvmetrics.core.policy.PolicyJudgement;
import dev.lfvmetrics.core.policy.ThresholdPolicy;
import dev.lfvmetrics.core.summary.ImageResult;
import dev.lfvmetrics.core.summary.Summary;
import dev.lfvmetrics.functions.artifacts.ObjectNotFoundException;
import dev.lfvmetrics.functions.artifacts.StoredImages;
import dev.lfvmetrics.functions.log.JsonLog;
import dev.lfvmetrics.functions.store.ModelRecord;
import dev.lfvmetrics.functions.store.ModelStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Judges stored models: the project's policy (or the default one), regressions against the previous evaluated
 * version, failed trainings. Shared by the alerts and the query API so both tell the same story.
 */
public final class Verdicts {

    /** Policy source: the project's own. */
    public static final String PROJECT = "project";
    /** Policy source: DEFAULT_POLICY. */
    public static final String DEFAULT = "default";

    private static final JsonLog LOG = JsonLog.of(Verdicts.class);

    private final ModelStore store;
    private final StoredImages images;
    private final ThresholdPolicy defaultPolicy;
    private final InvalidPolicyException defaultPolicyProblem;

    /**
     * @param store         the model store
     * @param defaultPolicy the default policy JSON (DEFAULT_POLICY), empty for none
     * @param images        the stored per-image results, for the paired tests of drops and for operating points
     */
    public Verdicts(ModelStore store, String defaultPolicy, StoredImages images) {
        this.store = store;
        this.images = images;
        ThresholdPolicy parsed = null;
        InvalidPolicyException problem = null;
        if (defaultPolicy != null && !defaultPolicy.isBlank()) {
            try {
                parsed = PolicyEvaluator.read(defaultPolicy, EnvironmentVariables.DEFAULT_POLICY);
            } catch (InvalidInputException e) {
                // Not an init failure: projects with their own policy, failed trainings and the API still work.
                problem = new InvalidPolicyException(e);
                LOG.error("DEFAULT_POLICY does not validate; verdicts that need it fail until it is fixed", e);
            }
        }
        this.defaultPolicy = parsed;
        this.defaultPolicyProblem = problem;
    }

    /**
     * @param project project
     * @return the policy that applies to the project and where it comes from, empty when there is none
     * @throws InvalidPolicyException when that policy does not validate
     */
    public Optional<Verdict> policyFor(String project) {
        Optional<String> stored = store.policy(project);
        if (stored.isPresent()) {
            ThresholdPolicy policy;
            try {
                policy = PolicyEvaluator.read(stored.get(), "stored policy of project " + project);
            } catch (InvalidInputException e) {
                throw new InvalidPolicyException(e);
            }
            return Optional.of(new Verdict(Verdict.PASS, List.of(), policy, PROJECT));
        }
        if (defaultPolicyProblem != null) {
            throw defaultPolicyProblem;
        }
        return defaultPolicy == null ? Optional.empty()
                : Optional.of(new Verdict(Verdict.PASS, List.of(), defaultPolicy, DEFAULT));
    }

    /**
     * @param model a stored model
     * @return its badge and breaches
     */
    public Verdict judge(ModelRecord model) {
        return judge(model, policyFor(model.project()));
    }

    /**
     * @param model  a stored model
     * @param policy the project's policy as {@link #policyFor} gave it, read once for many models
     * @return its badge and breaches
     */
    public Verdict judge(ModelRecord model, Optional<Verdict> policy) {
        ThresholdPolicy applied = policy.map(Verdict::policy).orElse(null);
        String source = policy.map(Verdict::policySource).orElse(null);
        if (model.pending()) {
            return new Verdict(Verdict.PENDING, List.of(), applied, source);
        }
        if (!model.evaluated()) {
            return new Verdict(Verdict.FAILED, List.of(), applied, source);
        }
        if (applied == null || applied.isEmpty()) {
            return new Verdict(Verdict.PASS, List.of(), applied, source);
        }
        Summary summary = summary(model);
        ModelRecord previous = applied.hasDrops()
                ? store.previousEvaluated(model.project(), model.version()).orElse(null) : null;
        Summary baseline = previous == null ? null : summary(previous);
        // Read from S3 only when a rule needs them: a drop beyond its limit, an operating point on a reduced curve.
        PerImageResults perImage = new PerImageResults(() -> stored(model, summary),
                () -> previous == null ? null : stored(previous, baseline));
        PolicyJudgement judgement = PolicyEvaluator.judge(applied, summary, baseline, perImage);
        return new Verdict(judgement.passed() ? Verdict.PASS : Verdict.BREACH, judgement.breaches(),
                judgement.inconclusive(), applied, source);
    }

    private List<ImageResult> stored(ModelRecord model, Summary summary) {
        try {
            return images.read(model, summary.metrics().images());
        } catch (ObjectNotFoundException e) {
            // Permanent: retrying cannot bring the file back. The drop is then judged untested, and says so.
            LOG.warn("per-image results are missing; drops of this version are judged untested", "project",
                    model.project(), "version", model.version());
            return null;
        }
    }

    /**
     * @param model a stored model with an evaluation
     * @return its summary document
     */
    public static Summary summary(ModelRecord model) {
        return Formats.readSummary(new ByteArrayInputStream(model.summaryJson().getBytes(StandardCharsets.UTF_8)),
                "stored summary of " + model.project() + "/" + model.version());
    }
}
