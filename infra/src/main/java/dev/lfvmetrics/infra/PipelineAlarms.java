package dev.lfvmetrics.infra;

import dev.lfvmetrics.contracts.MetricNames;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * The alarms an operator needs to trust the pipeline, all notifying the alert topic: anything in a dead-letter
 * queue, any function error, any failed ingest (the ingest function's REJECTED outcome count, which also covers
 * failures it handles and reports without throwing), and any failed training watch.
 */
public final class PipelineAlarms extends Construct {

    /** Namespace of the functions' own metrics (functions.log.JsonLog). */
    public static final String NAMESPACE = MetricNames.NAMESPACE;
    /** The ingest function's outcome counter, with dimension {@value #OUTCOME}. */
    public static final String INGEST_OUTCOME = MetricNames.INGEST_OUTCOME;
    static final String OUTCOME = MetricNames.OUTCOME;
    static final String REJECTED = MetricNames.REJECTED;

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
        // The ingest function counts each outcome in Embedded Metric Format; REJECTED is an event it could not store.
        Metric rejected = Metric.Builder.create()
                .namespace(NAMESPACE)
                .metricName(INGEST_OUTCOME)
                .dimensionsMap(Map.of(OUTCOME, REJECTED))
                .statistic("Sum")
                .period(PERIOD)
                .build();
        add("FailedIngests", "An ingest was rejected: an evaluation was not stored (see the ingest log)",
                rejected, notify);
        props.watcher().ifPresent(machine -> {
            add("WatchFailed", "A training watch failed: it gave up waiting, or a function failed",
                    machine.metricFailed(sum), notify);
            add("WatchTimedOut", "A training watch ran past the state machine timeout",
                    machine.metricTimedOut(sum), notify);
        });
        allowAlarmsToPublish(props.topic());
    }

    /**
     * A topic policy (which enforceSSL writes with only its TLS deny) replaces SNS's default policy, so CloudWatch
     * may publish only if the policy says so: allow these alarms, in this account, and nothing else.
     */
    private void allowAlarmsToPublish(ITopic topic) {
        List<String> alarmArns = alarms.values().stream().map(Alarm::getAlarmArn).toList();
        topic.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowThisStacksAlarmsToPublish")
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                .actions(List.of("sns:Publish"))
                .resources(List.of(topic.getTopicArn()))
                .conditions(Map.of(
                        "StringEquals", Map.of("aws:SourceAccount", Stack.of(this).getAccount()),
                        "ArnLike", Map.of("aws:SourceArn", alarmArns)))
                .build());
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
