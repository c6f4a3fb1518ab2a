package dev.lfvmetrics.contracts;

import java.util.List;

/** The EventBridge sources and detail types the ingest function takes, and the stack's rules match. */
public final class EventTypes {

    /** S3 through EventBridge. */
    public static final String S3_SOURCE = "aws.s3";
    /** An object was written. */
    public static final String OBJECT_CREATED = "Object Created";
    /** The evaluation files Lookout for Vision writes after training. */
    public static final List<String> EVALUATION_FILES = List.of("EvaluationResult-*.json", "EvaluationManifest-*.json");
    /** The training watcher's result. */
    public static final String WATCHER_SOURCE = "lfv-metrics.watcher";
    /** Its detail type. */
    public static final String WATCHER_DETAIL_TYPE = "Model Training Finished";
    /** Our backfill events. */
    public static final String BACKFILL_SOURCE = "lfv-metrics";
    /** Their detail type. */
    public static final String BACKFILL_DETAIL_TYPE = "Backfill Requested";
    /** SageMaker's own events. */
    public static final String SAGEMAKER_SOURCE = "aws.sagemaker";
    /** A training job changed state. */
    public static final String TRAINING_DETAIL_TYPE = "SageMaker Training Job State Change";
    /** A batch transform job changed state. */
    public static final String TRANSFORM_DETAIL_TYPE = "SageMaker Transform Job State Change";
    /** Lookout for Vision's CloudTrail events. */
    public static final String LOOKOUTVISION_SOURCE = "aws.lookoutvision";
    /** CloudTrail's detail type. */
    public static final String CLOUDTRAIL_DETAIL_TYPE = "AWS API Call via CloudTrail";

    private EventTypes() {
    }
}
