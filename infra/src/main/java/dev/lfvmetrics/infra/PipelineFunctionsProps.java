package dev.lfvmetrics.infra;

import java.nio.file.Path;
import java.util.Map;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.sqs.IQueue;

/**
 * What {@link PipelineFunctions} builds the functions from.
 *
 * @param jar the shaded functions jar (all handlers live in it)
 * @param environment the variables of docs/design.md, the same for every function (read once into Config)
 * @param ingestFailures where asynchronous ingest invocations go once their retries are spent
 * @param withWatcher whether to create the watch function (only the training watcher invokes it)
 * @param logRetention how long function logs are kept
 */
public record PipelineFunctionsProps(Path jar, Map<String, String> environment, IQueue ingestFailures,
                                     boolean withWatcher, RetentionDays logRetention) {

    /** Copies the map so the props cannot change after the construct read them. */
    public PipelineFunctionsProps {
        environment = Map.copyOf(environment);
    }
}
