package dev.lfvmetrics.infra;

import java.util.List;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sqs.IQueue;

/**
 * What {@link IngestTriggers} routes to the ingest function.
 *
 * @param ingest the ingest function's alias
 * @param artifactsBuckets buckets whose evaluation files trigger an ingest (none: no S3 rule)
 * @param artifactsPrefix key prefix of the evaluation files ("" = anywhere in the buckets)
 * @param deadLetters where events go that EventBridge could not deliver after its retries
 * @param sageMaker which SageMaker training jobs to follow
 */
public record IngestTriggersProps(IFunction ingest, List<String> artifactsBuckets, String artifactsPrefix,
                                  IQueue deadLetters, SageMakerSettings sageMaker) {

    /** Copies the list so the props cannot change after the construct read them. */
    public IngestTriggersProps {
        artifactsBuckets = List.copyOf(artifactsBuckets);
    }
}
