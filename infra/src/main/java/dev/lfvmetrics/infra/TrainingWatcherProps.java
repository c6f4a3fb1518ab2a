package dev.lfvmetrics.infra;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.sqs.IQueue;

/**
 * What {@link TrainingWatcher} polls and for how long.
 *
 * @param watch the watch function's alias (DescribeModel -> final or not)
 * @param ingest the ingest function's alias, invoked with the watcher event once training ends
 * @param projects the watched Lookout for Vision projects (their CreateModel calls start a watch)
 * @param interval the wait between two DescribeModel polls
 * @param maxWait how long a training may take before the watch gives up
 * @param deadLetters where CreateModel events go that could not start an execution
 * @param logRetention how long execution logs are kept
 */
public record TrainingWatcherProps(IFunction watch, IFunction ingest, List<String> projects, Duration interval,
                                   Duration maxWait, IQueue deadLetters, RetentionDays logRetention) {

    /** Copies the list so the props cannot change after the construct read them. */
    public TrainingWatcherProps {
        projects = List.copyOf(projects);
        if (projects.isEmpty()) {
            throw new IllegalArgumentException("TrainingWatcherProps.projects: at least one project to watch");
        }
        if (interval.toSeconds().doubleValue() <= 0 || maxWait.toSeconds().doubleValue()
                < interval.toSeconds().doubleValue()) {
            throw new IllegalArgumentException("TrainingWatcherProps: maxWait must be at least one interval");
        }
    }

    /**
     * @return how many polls fit in {@code maxWait}
     */
    public int maxPolls() {
        return (int) Math.ceil(maxWait.toSeconds().doubleValue() / interval.toSeconds().doubleValue());
    }
}
