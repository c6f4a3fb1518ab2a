package dev.lfvmetrics.infra;

import dev.lfvmetrics.contracts.EventTypes;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.events.EventField;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.RuleTargetInput;
import software.amazon.awscdk.services.events.targets.SfnStateMachine;
import software.amazon.awscdk.services.events.targets.SfnStateMachineProps;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.stepfunctions.Choice;
import software.amazon.awscdk.services.stepfunctions.Condition;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.Fail;
import software.amazon.awscdk.services.stepfunctions.JsonPath;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.Pass;
import software.amazon.awscdk.services.stepfunctions.RetryProps;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;
import software.amazon.awscdk.services.stepfunctions.Succeed;
import software.amazon.awscdk.services.stepfunctions.TaskInput;
import software.amazon.awscdk.services.stepfunctions.Wait;
import software.amazon.awscdk.services.stepfunctions.WaitTime;
import software.amazon.awscdk.services.stepfunctions.tasks.LambdaInvoke;
import software.constructs.Construct;

/**
 * Lookout for Vision emits no "training finished" event, only CloudTrail's CreateModel when training starts.
 * This construct turns that into one: a CreateModel rule (watched projects only) starts a Step Functions loop
 * that waits, asks the watch function for the model's status, and once it is final invokes the ingest function
 * with the watcher event of docs/design.md. A training that outlasts {@code maxWait} ends in a Fail state.
 */
public final class TrainingWatcher extends Construct {

    /** The event the ingest function receives from the loop. */
    public static final String WATCHER_SOURCE = EventTypes.WATCHER_SOURCE;
    /** Its detail-type. */
    public static final String WATCHER_DETAIL_TYPE = EventTypes.WATCHER_DETAIL_TYPE;

    private final StateMachine stateMachine;
    private final Rule createModel;

    /**
     * @param scope parent
     * @param id construct id
     * @param props functions, projects and timing
     */
    public TrainingWatcher(Construct scope, String id, TrainingWatcherProps props) {
        super(scope, id);
        Pass start = Pass.Builder.create(this, "StartWatch")
                .comment("Keep only project and version, and count polls from zero")
                .parameters(Map.of("project.$", "$.project", "version.$", "$.version", "polls", 0))
                .build();
        Wait wait = Wait.Builder.create(this, "WaitForTraining")
                .time(WaitTime.duration(props.interval()))
                .build();
        LambdaInvoke describe = LambdaInvoke.Builder.create(this, "DescribeModel")
                .lambdaFunction(props.watch())
                .payload(TaskInput.fromObject(Map.of(
                        "project", JsonPath.stringAt("$.project"),
                        "version", JsonPath.stringAt("$.version"))))
                .resultSelector(Map.of("result.$", "$.Payload"))
                .resultPath("$.watch")
                .build();
        LambdaInvoke ingest = LambdaInvoke.Builder.create(this, "IngestTrainedModel")
                .lambdaFunction(props.ingest())
                .payload(TaskInput.fromObject(Map.of(
                        "source", WATCHER_SOURCE,
                        "detail-type", WATCHER_DETAIL_TYPE,
                        "detail", Map.of(
                                "project", JsonPath.stringAt("$.project"),
                                "version", JsonPath.stringAt("$.version"),
                                "status", JsonPath.stringAt("$.watch.result.status"),
                                "statusMessage", JsonPath.stringAt("$.watch.result.statusMessage")))))
                .resultSelector(Map.of("result.$", "$.Payload"))
                .resultPath("$.ingest")
                .build();
        Fail watchFailed = Fail.Builder.create(this, "WatchFailed")
                .error("WatchFailed")
                .cause("The watch function failed after its retries; see its logs")
                .build();
        Fail ingestFailed = Fail.Builder.create(this, "IngestFailed")
                .error("IngestFailed")
                .cause("The ingest function failed after its retries; see its logs")
                .build();
        Fail timedOut = Fail.Builder.create(this, "TrainingWatchTimedOut")
                .error("TrainingWatchTimedOut")
                .cause("The model's training had not finished after the maximum wait")
                .build();
        // A function error (throttled DescribeModel, a cold dependency) is retried before the watch gives up.
        RetryProps functionErrors = RetryProps.builder()
                .errors(List.of("States.TaskFailed"))
                .maxAttempts(3)
                .interval(Duration.seconds(20))
                .backoffRate(2)
                .build();
        describe.addRetry(functionErrors);
        ingest.addRetry(functionErrors);
        describe.addCatch(watchFailed);
        ingest.addCatch(ingestFailed);
        Pass countPoll = Pass.Builder.create(this, "CountPoll")
                .parameters(Map.of("project.$", "$.project", "version.$", "$.version",
                        "polls.$", "States.MathAdd($.polls, 1)"))
                .build();
        Condition isFinal = Condition.and(Condition.isPresent("$.watch.result.final"),
                Condition.booleanEquals("$.watch.result.final", true));
        Choice finished = Choice.Builder.create(this, "TrainingFinished").build()
                .when(isFinal, ingest.next(new Succeed(this, "Ingested")))
                .when(Condition.numberGreaterThanEquals("$.polls", props.maxPolls() - 1), timedOut)
                .otherwise(countPoll.next(wait));
        DefinitionBody definition = DefinitionBody.fromChainable(start.next(wait).next(describe).next(finished));
        // Under /aws/vendedlogs/: log delivery then needs no entry in the account's 5 KB logs resource policy.
        LogGroup logs = LogGroup.Builder.create(this, "ExecutionLogs")
                .logGroupName("/aws/vendedlogs/states/" + Stack.of(this).getStackName() + "-training-watcher")
                .retention(props.logRetention())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        this.stateMachine = StateMachine.Builder.create(this, "StateMachine")
                .stateMachineType(StateMachineType.STANDARD)
                .definitionBody(definition)
                // A safety net behind the poll limit: one hour past it, the execution times out regardless.
                .timeout(props.maxWait().plus(Duration.hours(1)))
                .tracingEnabled(true)
                .logs(LogOptions.builder().destination(logs).level(LogLevel.ALL).includeExecutionData(true).build())
                .build();
        Nag.acknowledge(stateMachine.getRole(), "AwsSolutions-IAM5", "Step Functions delivers execution logs"
                + " through CloudWatch Logs' log-delivery API (logs:*LogDelivery*, PutResourcePolicy,"
                + " DescribeResourcePolicies, DescribeLogGroups) and traces through X-Ray (PutTraceSegments,"
                + " PutTelemetryRecords, GetSampling*): none of these actions supports a resource narrower than '*'.",
                "Resource::*");
        this.createModel = Rule.Builder.create(this, "CreateModelCalled")
                .description("CloudTrail: training of a watched Lookout for Vision project started")
                .eventPattern(EventPattern.builder()
                        .source(List.of(EventTypes.LOOKOUTVISION_SOURCE))
                        .detailType(List.of(EventTypes.CLOUDTRAIL_DETAIL_TYPE))
                        .detail(Map.of(
                                "eventSource", List.of("lookoutvision.amazonaws.com"),
                                "eventName", List.of("CreateModel"),
                                // A failed call (errorCode present) started no training: nothing to watch.
                                "errorCode", List.of(Map.of("exists", false)),
                                "requestParameters", Map.of("projectName", props.projects())))
                        .build())
                .build();
        Limits.checkPattern(createModel, "watchedProjects");
        createModel.addTarget(new SfnStateMachine(stateMachine, SfnStateMachineProps.builder()
                .input(RuleTargetInput.fromObject(Map.of(
                        "project", EventField.fromPath("$.detail.requestParameters.projectName"),
                        "version", EventField.fromPath("$.detail.responseElements.modelMetadata.modelVersion"))))
                .retryAttempts(IngestTriggers.TARGET_RETRIES)
                .maxEventAge(IngestTriggers.TARGET_MAX_EVENT_AGE)
                .deadLetterQueue(props.deadLetters())
                .build()));
    }

    /**
     * @return the wait loop
     */
    public StateMachine stateMachine() {
        return stateMachine;
    }

    /**
     * @return the CreateModel rule
     */
    public Rule createModel() {
        return createModel;
    }
}
