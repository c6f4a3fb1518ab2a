package dev.lfvmetrics.infra;

import dev.lfvmetrics.contracts.EventTypes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.events.targets.LambdaFunctionProps;
import software.constructs.Construct;

/**
 * The EventBridge rules on the default bus that start an ingest: an evaluation file created in an artifacts
 * bucket (the bucket must send its events to EventBridge), and a backfill request. Each target retries and then
 * dead-letters what it could not deliver.
 */
public final class IngestTriggers extends Construct {

    /** The evaluation files Lookout for Vision writes after training (docs/design.md, Events). */
    public static final List<String> EVALUATION_FILES = EventTypes.EVALUATION_FILES;

    static final int TARGET_RETRIES = 8;
    static final Duration TARGET_MAX_EVENT_AGE = Duration.hours(24);

    /** The training states after which a job has a model or a failure to store. */
    static final List<String> TRAINING_ENDS = List.of("Completed", "Failed", "Stopped");
    /** The transform states after which a job has predictions (or is counted as failed). */
    static final List<String> TRANSFORM_ENDS = List.of("Completed", "Failed", "Stopped");

    private final Optional<Rule> objectCreated;
    private final Rule backfill;
    private final Rule training;
    private final Rule transform;

    /**
     * @param scope parent
     * @param id construct id
     * @param props the ingest alias, buckets and dead-letter queue
     */
    public IngestTriggers(Construct scope, String id, IngestTriggersProps props) {
        super(scope, id);
        LambdaFunction target = new LambdaFunction(props.ingest(), LambdaFunctionProps.builder()
                .retryAttempts(TARGET_RETRIES)
                .maxEventAge(TARGET_MAX_EVENT_AGE)
                .deadLetterQueue(props.deadLetters())
                .build());
        if (props.artifactsBuckets().isEmpty()) {
            this.objectCreated = Optional.empty();
        } else {
            // '*' in an EventBridge wildcard also matches '/': the files may sit at any depth under the prefix.
            List<Map<String, String>> keys = EVALUATION_FILES.stream()
                    .map(file -> Map.of("wildcard", props.artifactsPrefix() + "*" + file))
                    .toList();
            Rule rule = Rule.Builder.create(this, "EvaluationFileCreated")
                    .description("An evaluation file of a trained model landed in an artifacts bucket")
                    .eventPattern(EventPattern.builder()
                            .source(List.of(EventTypes.S3_SOURCE))
                            .detailType(List.of(EventTypes.OBJECT_CREATED))
                            .detail(Map.of(
                                    "bucket", Map.of("name", props.artifactsBuckets()),
                                    "object", Map.of("key", keys)))
                            .build())
                    .build();
            rule.addTarget(target);
            Limits.checkPattern(rule, "artifactsBuckets");
            this.objectCreated = Optional.of(rule);
        }
        this.backfill = Rule.Builder.create(this, "BackfillRequested")
                .description("Someone asked to (re)ingest a model evaluation")
                .eventPattern(EventPattern.builder()
                        .source(List.of(EventTypes.BACKFILL_SOURCE))
                        .detailType(List.of(EventTypes.BACKFILL_DETAIL_TYPE))
                        .build())
                .build();
        backfill.addTarget(target);
        this.training = Rule.Builder.create(this, "SageMakerTrainingEnded")
                .description("A followed SageMaker training job ended (defect-detection algorithm or tagged job)")
                .eventPattern(EventPattern.builder()
                        .source(List.of(EventTypes.SAGEMAKER_SOURCE))
                        .detailType(List.of(EventTypes.TRAINING_DETAIL_TYPE))
                        .detail(trainingDetail(props.sageMaker()))
                        .build())
                .build();
        training.addTarget(target);
        Limits.checkPattern(training, SageMakerSettings.ALGORITHMS);
        this.transform = Rule.Builder.create(this, "SageMakerTransformEnded")
                .description("A SageMaker batch transform ended: its predictions may evaluate a followed model")
                .eventPattern(EventPattern.builder()
                        .source(List.of(EventTypes.SAGEMAKER_SOURCE))
                        .detailType(List.of(EventTypes.TRANSFORM_DETAIL_TYPE))
                        .detail(Map.of("TransformJobStatus", TRANSFORM_ENDS))
                        .build())
                .build();
        transform.addTarget(target);
    }

    private static Map<String, Object> trainingDetail(SageMakerSettings settings) {
        Map<String, Object> tagged = Map.of("Tags", Map.of(SageMakerSettings.PROJECT_TAG,
                List.of(Map.of("exists", true))));
        if (settings.taggedOnly()) {
            return Map.of("TrainingJobStatus", TRAINING_ENDS, "Tags", tagged.get("Tags"));
        }
        List<Map<String, String>> algorithms = settings.algorithms().stream()
                .map(pattern -> Map.of("wildcard", pattern))
                .toList();
        Map<String, Object> byAlgorithm = Map.of("AlgorithmSpecification", Map.of("AlgorithmName", algorithms));
        return Map.of("TrainingJobStatus", TRAINING_ENDS, "$or", List.of(byAlgorithm, tagged));
    }

    /**
     * @return the SageMaker training rule
     */
    public Rule training() {
        return training;
    }

    /**
     * @return the SageMaker batch-transform rule
     */
    public Rule transform() {
        return transform;
    }

    /**
     * @return the S3 rule, present when artifacts buckets are configured
     */
    public Optional<Rule> objectCreated() {
        return objectCreated;
    }

    /**
     * @return the backfill rule
     */
    public Rule backfill() {
        return backfill;
    }
}
