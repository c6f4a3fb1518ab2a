package dev.lfvmetrics.infra;

import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.stepfunctions.IStateMachine;

/**
 * What {@link PipelineAlarms} watches.
 *
 * @param topic where alarms notify
 * @param deadLetterQueues each dead-letter queue by a short name used in the alarm's id and description
 * @param functions each function by a short name
 * @param watcher the training watcher's state machine, when there is one
 */
public record PipelineAlarmsProps(ITopic topic, Map<String, IQueue> deadLetterQueues,
                                  Map<String, IFunction> functions, Optional<IStateMachine> watcher) {

    /** Copies the maps so the props cannot change after the construct read them. */
    public PipelineAlarmsProps {
        deadLetterQueues = Map.copyOf(deadLetterQueues);
        functions = Map.copyOf(functions);
    }
}
