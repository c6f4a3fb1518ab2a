package dev.lfvmetrics.functions.sagemaker;

import dev.lfvmetrics.contracts.SageMakerTags;
import dev.lfvmetrics.functions.store.Versions;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which SageMaker jobs lfv-metrics follows and how they map to projects and versions (docs/sagemaker.md):
 * <ul>
 *   <li>a training job is followed when it carries the {@value #PROJECT_TAG} tag, or, unless only tagged jobs are
 *       wanted, when its algorithm matches one of the configured patterns ({@code *} matches any text);</li>
 *   <li>project: the {@value #PROJECT_TAG} tag, else the job's name without a trailing timestamp or number
 *       ({@code cookies-2026-01-02-03-04-05-678} and {@code cookies-7} are project {@code cookies});</li>
 *   <li>version: the {@value #VERSION_TAG} tag, else assigned by the store in order of arrival, once per job ARN;</li>
 *   <li>a transform belongs to the training job named by its {@value #TRAINING_JOB_TAG} tag, else to the one whose
 *       artifact ({@code .../<job>/output/model.tar.gz}) its model serves; with {@value #PROJECT_TAG} and
 *       {@value #VERSION_TAG} tags it names the version itself;</li>
 *   <li>its ground truth: the {@value #GROUND_TRUTH_TAG} tag, else the training job's {@value #TEST_CHANNEL}
 *       channel.</li>
 * </ul>
 *
 * @param algorithms patterns of the followed algorithms (SAGEMAKER_ALGORITHMS)
 * @param taggedOnly follow only jobs tagged {@value #PROJECT_TAG} (SAGEMAKER_TAGGED_ONLY)
 */
public record SageMakerRules(List<String> algorithms, boolean taggedOnly) {

    /** Tag naming a job's project. */
    public static final String PROJECT_TAG = SageMakerTags.PROJECT;
    /** Tag naming a job's version. */
    public static final String VERSION_TAG = SageMakerTags.VERSION;
    /** Tag on a transform job naming the training job whose model it ran. */
    public static final String TRAINING_JOB_TAG = SageMakerTags.TRAINING_JOB;
    /** Tag on a transform job naming its labelled test manifest. */
    public static final String GROUND_TRUTH_TAG = SageMakerTags.GROUND_TRUTH;
    /** The training channel holding the test manifest. */
    public static final String TEST_CHANNEL = "test";
    /** The algorithm AWS published as the successor of Lookout for Vision, in any region and account. */
    public static final String DEFECT_DETECTION_ALGORITHM = SageMakerTags.DEFECT_DETECTION_ALGORITHM;

    private static final Pattern NAME_SUFFIX = Pattern.compile(
            "-(\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2}(-\\d{1,3})?|\\d{8,14}|\\d+)$");
    private static final Pattern ARTIFACT = Pattern.compile("^s3://[^/]+/(?:.*/)?([^/]+)/output/model\\.tar\\.gz$");

    /** Copies the patterns. */
    public SageMakerRules {
        algorithms = List.copyOf(algorithms);
    }

    /**
     * @param job a training job
     * @return whether lfv-metrics follows it
     */
    public boolean follows(TrainingJob job) {
        if (job.tags().containsKey(PROJECT_TAG)) {
            return true;
        }
        if (taggedOnly || job.algorithm() == null) {
            return false;
        }
        return algorithms.stream().anyMatch(p -> matches(p, job.algorithm()));
    }

    /**
     * @param pattern an EventBridge-style wildcard pattern ({@code *} matches any text, nothing else is special)
     * @param value   the value
     * @return whether it matches
     */
    public static boolean matches(String pattern, String value) {
        String regex = Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
        return Pattern.compile(regex, Pattern.DOTALL).matcher(value).matches();
    }

    /**
     * @param job a followed training job
     * @return its project, or null when neither the tag nor the name gives a valid one
     */
    public static String project(TrainingJob job) {
        String tagged = job.tags().get(PROJECT_TAG);
        if (tagged != null) {
            return Versions.isProject(tagged) ? tagged : null;
        }
        if (job.name() == null) {
            return null;
        }
        String base = NAME_SUFFIX.matcher(job.name()).replaceFirst("");
        return Versions.isProject(base) ? base : null;
    }

    /**
     * @param tags a job's tags
     * @return the version its tag asks for, or null without the tag
     */
    public static String requestedVersion(Map<String, String> tags) {
        return tags.get(VERSION_TAG);
    }

    /**
     * @param modelArtifact {@code s3://bucket/<output path>/<job>/output/model.tar.gz}
     * @return the training job's name, or null when the artifact is not laid out as training jobs write it
     */
    public static String trainingJobOf(String modelArtifact) {
        if (modelArtifact == null) {
            return null;
        }
        Matcher m = ARTIFACT.matcher(modelArtifact);
        return m.matches() ? m.group(1) : null;
    }

    /**
     * @param transform a transform job
     * @param training  its training job, may be null
     * @return the ground-truth manifest's URI, or null when neither names one
     */
    public static String groundTruth(TransformJob transform, TrainingJob training) {
        String tagged = transform.tags() == null ? null : transform.tags().get(GROUND_TRUTH_TAG);
        if (tagged != null) {
            return tagged;
        }
        if (training == null) {
            return null;
        }
        for (Map.Entry<String, String> channel : training.channels().entrySet()) {
            if (TEST_CHANNEL.equals(channel.getKey().toLowerCase(Locale.ROOT))) {
                return channel.getValue();
            }
        }
        return null;
    }
}
