package dev.lfvmetrics.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * A queue that keeps what a retry layer gave up on (an EventBridge target, an asynchronous invocation, a stream
 * batch) for 14 days, the longest SQS allows, so an operator can inspect and replay it. Encrypted with SQS-managed
 * keys (EventBridge can write to those without a key policy) and refusing plain HTTP.
 */
public final class DeadLetterQueue extends Construct {

    private final Queue queue;

    /**
     * @param scope parent
     * @param id construct id
     * @param purpose what ends up in the queue, for its description in cdk-nag and the console
     */
    public DeadLetterQueue(Construct scope, String id, String purpose) {
        super(scope, id);
        this.queue = Queue.Builder.create(this, "Queue")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .build();
        Nag.acknowledge(queue, "AwsSolutions-SQS3", "This queue is itself a dead-letter queue (" + purpose
                + "); a dead-letter queue of a dead-letter queue would only move the problem.");
    }

    /**
     * @return the queue
     */
    public Queue queue() {
        return queue;
    }
}
