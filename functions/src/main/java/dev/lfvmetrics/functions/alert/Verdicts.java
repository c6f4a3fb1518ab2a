package dev.lfvmetrics.functions.alert;

import dev.lfvmetrics.contracts.EnvironmentVariables;
import dev.lfvmetrics.core.error.InvalidInputException;
import dev.lfvmetrics.core.format.Formats;
import dev.lfvmetrics.core.policy.Breach;
import dev.lfvmetrics.core.policy.PolicyEvaluator;
import dev.lfvmetrics.core.policy.ThresholdPolicy;
import dev.lfvmetrics.core.summary.Summary;
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
    private final ThresholdPolicy defaultPolicy;
    private final InvalidPolicyException defaultPolicyProblem;

    /**
     * @param store         the model store
     * @param defaultPolicy the default policy JSON (DEFAULT_POLICY), empty for none
     */
    public Verdicts(ModelStore store, String defaultPolicy) {
        this.store = store;
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
        Summary baseline = null;
        if (!applied.maximumDrops().isEmpty()) {
            baseline = store.previousEvaluated(model.project(), model.version()).map(Verdicts::summary).orElse(null);
        }
        List<Breach> breaches = PolicyEvaluator.evaluate(applied, summary, baseline);
        return new Verdict(breaches.isEmpty() ? Verdict.PASS : Verdict.BREACH, breaches, applied, source);
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
