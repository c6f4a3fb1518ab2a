package dev.lfvmetrics.contracts;

/** The tags lfv-metrics reads on SageMaker jobs (docs/sagemaker.md), and the algorithm it follows by default. */
public final class SageMakerTags {

    /** A job's project; also makes a training job followed. */
    public static final String PROJECT = "lfv-metrics:project";
    /** A job's version. */
    public static final String VERSION = "lfv-metrics:version";
    /** On a transform: the training job whose model it ran. */
    public static final String TRAINING_JOB = "lfv-metrics:training-job";
    /** On a transform: its labelled test manifest. */
    public static final String GROUND_TRUTH = "lfv-metrics:ground-truth";
    /** AWS's defect-detection algorithm, in any region and account. */
    public static final String DEFECT_DETECTION_ALGORITHM = "arn:aws:sagemaker:*:*:algorithm/lfv-public-algorithm-*";

    private SageMakerTags() {
    }
}
