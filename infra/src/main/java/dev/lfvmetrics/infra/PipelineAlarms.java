package dev.lfvmetrics.infra;

import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.logs.FilterPattern;
import software.amazon.awscdk.services.logs.MetricFilter;
import software.constructs.Construct;

/**
 * The alarms an operator needs to trust the pipeline, all notifying the alert topic: anything in a dead-letter
 * queue, any function error, any failed ingest (an ERROR record in the ingest function's JSON log, which also
 * covers failures the function handles and reports without throwing), and any failed training watch.
 */
public final class PipelineAlarms extends Construct {

    /** Namespace of the metric the failed-ingest filter publishes. */
    public static final String NAMESPACE = "LfvMetrics";
    /** Name of that metric. */
    public static final String FAILED_INGESTS = "FailedIngests";

    private static final Duration PERIOD = Duration.minutes(5);

    private final Map<String, Alarm> alarms = new TreeMap<>();

    /**
     * @param scope parent
     * @param id construct id
     * @param props what to watch and whom to tell
     */
    public PipelineAlarms(Construct scope, String id, PipelineAlarmsProps props) {
        super(scope, id);
        SnsAction notify = new SnsAction(props.topic());
        MetricOptions maximum = MetricOptions.builder().period(PERIOD).statistic("Maximum").build();
        MetricOptions sum = MetricOptions.builder().period(PERIOD).statistic("Sum").build();
        new TreeMap<>(props.deadLetterQueues()).forEach((name, queue) -> add(name + "DeadLetters",
                "Messages waiting in the " + name + " dead-letter queue: inspect and replay them",
                queue.metricApproximateNumberOfMessagesVisible(maximum), notify));
        new TreeMap<>(props.functions()).forEach((name, function) -> add(name + "Errors",
                "The " + name + " function failed", function.metricErrors(sum), notify));
        MetricFilter failedIngests = MetricFilter.Builder.create(this, "FailedIngestFilter")
                .logGroup(props.ingestLogs())
                .filterPattern(FilterPattern.stringValue("$.level", "=", "ERROR"))
                .metricNamespace(NAMESPACE)
                .metricName(FAILED_INGESTS)
                .metricValue("1")
                .defaultValue(0)
                .build();
        add("FailedIngests", "An ingest logged an error: an evaluation was not stored",
                failedIngests.metric(sum), notify);
        props.watcher().ifPresent(machine -> {
            add("WatchFailed", "A training watch failed: it gave up waiting, or a function failed",
                    machine.metricFailed(sum), notify);
            add("WatchTimedOut", "A training watch ran past the state machine timeout",
                    machine.metricTimedOut(sum), notify);
        });
    }

    private void add(String id, String description, IMetric metric, SnsAction notify) {
        Alarm alarm = Alarm.Builder.create(this, id)
                .alarmDescription("lfv-metrics: " + description)
                .metric(metric)
                .threshold(0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alarm.addAlarmAction(notify);
        alarms.put(id, alarm);
    }

    /**
     * @return every alarm by its id
     */
    public Map<String, Alarm> alarms() {
        return Map.copyOf(alarms);
    }
}
