package dev.lfvmetrics.infra;

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
    public static final List<String> EVALUATION_FILES = List.of("EvaluationResult-*.json",
            "EvaluationManifest-*.json");

    static final int TARGET_RETRIES = 8;
    static final Duration TARGET_MAX_EVENT_AGE = Duration.hours(24);

    private final Optional<Rule> objectCreated;
    private final Rule backfill;

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
                            .source(List.of("aws.s3"))
                            .detailType(List.of("Object Created"))
                            .detail(Map.of(
                                    "bucket", Map.of("name", props.artifactsBuckets()),
                                    "object", Map.of("key", keys)))
                            .build())
                    .build();
            rule.addTarget(target);
            this.objectCreated = Optional.of(rule);
        }
        this.backfill = Rule.Builder.create(this, "BackfillRequested")
                .description("Someone asked to (re)ingest a model evaluation")
                .eventPattern(EventPattern.builder()
                        .source(List.of("lfv-metrics"))
                        .detailType(List.of("Backfill Requested"))
                        .build())
                .build();
        backfill.addTarget(target);
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
