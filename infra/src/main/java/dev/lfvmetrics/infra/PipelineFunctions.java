package dev.lfvmetrics.infra;

import dev.lfvmetrics.contracts.EnvironmentVariables;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.ApplicationLogLevel;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.EventInvokeConfigOptions;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.SystemLogLevel;
import software.amazon.awscdk.services.lambda.destinations.SqsDestination;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The pipeline's Lambda functions, all from the one shaded jar: Java 25 with SnapStart on published versions (a
 * restored snapshot instead of a JVM cold start), JSON logs, a log group with retention, and a role of their own
 * that starts with nothing but writing to that log group. The stack adds each function's grants.
 */
public final class PipelineFunctions extends Construct {

    /** The alias every trigger invokes. */
    public static final String ALIAS = "live";

    static final String INGEST_HANDLER = "dev.lfvmetrics.functions.ingest.IngestHandler::handleRequest";
    static final String WATCH_HANDLER = "dev.lfvmetrics.functions.watch.WatchHandler::handleRequest";
    static final String ALERT_HANDLER = "dev.lfvmetrics.functions.alert.AlertHandler::handleRequest";
    static final String API_HANDLER = "dev.lfvmetrics.functions.api.ApiHandler::handleRequest";

    static final String MODEL_CATALOG = EnvironmentVariables.MODEL_CATALOG;
    static final String DESCRIPTION_BUCKET = EnvironmentVariables.DESCRIPTION_BUCKET;

    /** Asynchronous ingest invocations (EventBridge) are retried this often before going to the failure queue. */
    static final int INGEST_ASYNC_RETRIES = 2;

    private final PipelineFunction ingest;
    private final Optional<PipelineFunction> watch;
    private final PipelineFunction alert;
    private final PipelineFunction api;

    /**
     * @param scope parent
     * @param id construct id
     * @param props code, environment and failure queue
     */
    public PipelineFunctions(Construct scope, String id, PipelineFunctionsProps props) {
        super(scope, id);
        Code code = Code.fromAsset(props.jar().toString());
        // Ingest streams a manifest of thousands of lines and writes per-image results: the most memory and time.
        this.ingest = function("Ingest", INGEST_HANDLER, "Computes and stores the metrics of a model evaluation",
                1024, Duration.minutes(5), code, props);
        ingest.alias().configureAsyncInvoke(EventInvokeConfigOptions.builder()
                .retryAttempts(INGEST_ASYNC_RETRIES)
                .maxEventAge(Duration.hours(6))
                .onFailure(new SqsDestination(props.ingestFailures()))
                .build());
        this.watch = props.withWatcher()
                ? Optional.of(function("Watch", WATCH_HANDLER, "Reports whether a model's training has finished",
                        512, Duration.seconds(30), code, watcherProps(props)))
                : Optional.empty();
        this.alert = function("Alert", ALERT_HANDLER, "Publishes threshold breaches of new evaluations",
                512, Duration.minutes(1), code, props);
        this.api = function("Api", API_HANDLER, "Serves the query API and the dashboard",
                512, Duration.seconds(29), code, props);
    }

    // Saved documents never change status: the watcher polls the DescribeModel API whatever the ingest catalog is.
    private static PipelineFunctionsProps watcherProps(PipelineFunctionsProps props) {
        Map<String, String> environment = new HashMap<>(props.environment());
        environment.put(MODEL_CATALOG, ModelCatalog.LIVE.value());
        environment.remove(DESCRIPTION_BUCKET);
        return new PipelineFunctionsProps(props.jar(), environment, props.ingestFailures(), true,
                props.logRetention());
    }

    private PipelineFunction function(String id, String handler, String description, int memoryMb,
                                      Duration timeout, Code code, PipelineFunctionsProps props) {
        Role role = Role.Builder.create(this, id + "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("lfv-metrics " + id + " function")
                .build();
        LogGroup logGroup = LogGroup.Builder.create(this, id + "Logs")
                .retention(props.logRetention())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        // Only the two log actions on its own group, instead of AWSLambdaBasicExecutionRole's logs:* on all groups.
        logGroup.grantWrite(role);
        Function function = Function.Builder.create(this, id)
                .description(description)
                .runtime(Runtime.JAVA_25)
                .architecture(Architecture.ARM_64)
                .handler(handler)
                .code(code)
                .memorySize(memoryMb)
                .timeout(timeout)
                .role(role)
                .logGroup(logGroup)
                .loggingFormat(LoggingFormat.JSON)
                // Pinned, not left to the console: the functions' metrics are Embedded Metric Format lines, which
                // Lambda files at INFO; a higher application level would drop them and blind the REJECTED alarm.
                .applicationLogLevelV2(ApplicationLogLevel.INFO)
                .systemLogLevelV2(SystemLogLevel.WARN)
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .environment(props.environment())
                .build();
        // CDK warns while the function has no version yet; the alias below publishes one on every code change.
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "Every invocation goes through the live alias, which points at the published current version");
        Alias alias = Alias.Builder.create(this, id + "Live")
                .aliasName(ALIAS)
                .version(function.getCurrentVersion())
                .build();
        return new PipelineFunction(function, alias, role, logGroup);
    }

    /**
     * @return the ingest function
     */
    public PipelineFunction ingest() {
        return ingest;
    }

    /**
     * @return the watch function, present when projects are watched
     */
    public Optional<PipelineFunction> watch() {
        return watch;
    }

    /**
     * @return the alert function
     */
    public PipelineFunction alert() {
        return alert;
    }

    /**
     * @return the API function
     */
    public PipelineFunction api() {
        return api;
    }
}
