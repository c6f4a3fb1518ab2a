package dev.lfvmetrics.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class FunctionsTest {

    private final Synth.Synthesized full = Synth.full();
    private final Synth.Synthesized minimal = Synth.minimal();

    private static List<PipelineFunction> all(Synth.Synthesized synth) {
        PipelineFunctions functions = synth.stack().functions();
        List<PipelineFunction> list = new ArrayList<>(List.of(functions.ingest(), functions.alert(),
                functions.api()));
        functions.watch().ifPresent(list::add);
        return list;
    }

    @Test
    void givenWatchedProjects_thereAreFourFunctions_andWithoutThemNoWatchFunction() {
        full.template().resourceCountIs("AWS::Lambda::Function", 4);
        minimal.template().resourceCountIs("AWS::Lambda::Function", 3);
        minimal.template().resourcePropertiesCountIs("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Handler", PipelineFunctions.WATCH_HANDLER)), 0);
    }

    @Test
    void eachFunctionRunsItsDesignHandlerOnJava21WithItsMemoryAndTimeout() {
        Template template = full.template();
        Map<String, List<Integer>> sizing = Map.of(
                PipelineFunctions.INGEST_HANDLER, List.of(1024, 300),
                PipelineFunctions.WATCH_HANDLER, List.of(512, 30),
                PipelineFunctions.ALERT_HANDLER, List.of(512, 60),
                PipelineFunctions.API_HANDLER, List.of(512, 29));
        assertThat(PipelineFunctions.INGEST_HANDLER)
                .isEqualTo("dev.lfvmetrics.functions.ingest.IngestHandler::handleRequest");
        sizing.forEach((handler, memoryAndTimeout) -> template.hasResourceProperties("AWS::Lambda::Function",
                Match.objectLike(Map.of(
                        "Handler", handler,
                        "Runtime", "java25",
                        "MemorySize", memoryAndTimeout.get(0),
                        "Timeout", memoryAndTimeout.get(1)))));
    }

    @Test
    void everyFunctionHasSnapStartJsonLogsAtInfoAndItsOwnLogGroupWithRetention() {
        for (PipelineFunction function : all(full)) {
            full.template().hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                    "Handler", Match.anyValue(),
                    "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                    // INFO pinned: the metrics the alarms read are INFO-level EMF lines.
                    "LoggingConfig", Map.of("LogFormat", "JSON", "LogGroup", full.ref(function.logGroup()),
                            "ApplicationLogLevel", "INFO", "SystemLogLevel", "WARN"),
                    "Role", full.getAtt(function.role(), "Arn"))));
        }
        Map<String, Map<String, Object>> groups = full.resources("AWS::Logs::LogGroup");
        assertThat(groups).hasSize(4 + 2);
        groups.forEach((id, group) -> assertThat(((Map<?, ?>) group.get("Properties")).get("RetentionInDays"))
                .as("retention of %s", id).isEqualTo(30));
    }

    @Test
    void everyFunctionHasALiveAliasOnAPublishedVersionOfItself() {
        full.template().resourceCountIs("AWS::Lambda::Alias", 4);
        for (PipelineFunction function : all(full)) {
            Map<String, Map<String, Object>> aliases = full.template().findResources("AWS::Lambda::Alias",
                    Match.objectLike(Map.of("Properties", Match.objectLike(Map.of(
                            "FunctionName", full.ref(function.function()),
                            "Name", "live",
                            "FunctionVersion", Match.objectLike(Map.of("Fn::GetAtt", Match.arrayWith(
                                    List.of("Version")))))))));
            assertThat(aliases).as("alias of %s", function.function().getNode().getPath()).hasSize(1);
        }
    }

    @Test
    void everyFunctionGetsTheDesignEnvironment() {
        LfvMetricsStack stack = full.stack();
        for (PipelineFunction function : all(full)) {
            full.template().hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                    "Role", full.getAtt(function.role(), "Arn"),
                    "Environment", Map.of("Variables", Map.of(
                            "TABLE_NAME", full.ref(stack.data().table()),
                            "DETAILS_BUCKET", full.ref(stack.data().detailsBucket()),
                            "DETAILS_PREFIX", "lfv-metrics/",
                            "TOPIC_ARN", full.ref(stack.alerts().topic()),
                            "MODEL_CATALOG", "live",
                            "DASHBOARD_ENABLED", "true",
                            "DEFAULT_POLICY", "{\"minimums\":{\"f1Score\":0.8}}",
                            "ARTIFACTS_BUCKETS", "lfv-artifacts-a,lfv-artifacts-b")))));
        }
    }

    @Test
    void givenNoPolicyAndNoBuckets_theOptionalVariablesAreLeftOut() {
        minimal.template().hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Handler", PipelineFunctions.INGEST_HANDLER,
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        "MODEL_CATALOG", "live",
                        "DEFAULT_POLICY", Match.absent(),
                        "ARTIFACTS_BUCKETS", Match.absent(),
                        "DESCRIPTION_BUCKET", Match.absent()))))));
    }

    @Test
    void givenAnOpenApi_onlyTheAlertFunctionLinksToTheApisOwnDashboard() {
        Synth.Synthesized open = Synth.of(Map.of("apiAuth", "none"));

        Map<String, Map<String, Object>> alerts = open.resources("AWS::Lambda::Function", Map.of(
                "Handler", PipelineFunctions.ALERT_HANDLER));
        assertThat(alerts).hasSize(1);
        Map<?, ?> properties = (Map<?, ?>) alerts.values().iterator().next().get("Properties");
        Object url = ((Map<?, ?>) ((Map<?, ?>) properties.get("Environment")).get("Variables")).get("DASHBOARD_URL");
        // {"Fn::Join": ["", ["https://", {"Ref": <api>}, ".execute-api.", <region>, ".", <suffix>, "/ui/"]]}
        assertThat(url).isInstanceOfSatisfying(Map.class, join -> {
            List<?> parts = (List<?>) ((List<?>) join.get("Fn::Join")).get(1);
            assertThat(parts.get(0)).isEqualTo("https://");
            assertThat(parts.get(1)).isEqualTo(open.ref(open.stack().api().api()));
            assertThat(parts.get(parts.size() - 1)).isEqualTo("/ui/");
        });
        open.template().hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Handler", PipelineFunctions.API_HANDLER,
                "Environment", Map.of("Variables", Match.objectLike(Map.of("DASHBOARD_URL", Match.absent()))))));
    }

    @Test
    void givenADashboardUrl_theAlertFunctionLinksToIt_andBehindIamWithoutOneThereIsNoLink() {
        Synth.Synthesized proxy = Synth.of(Map.of("dashboardUrl", "http://127.0.0.1:8080/ui"));

        proxy.template().hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Handler", PipelineFunctions.ALERT_HANDLER,
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        "DASHBOARD_URL", "http://127.0.0.1:8080/ui/"))))));
        minimal.template().hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Handler", PipelineFunctions.ALERT_HANDLER,
                "Environment", Map.of("Variables", Match.objectLike(Map.of("DASHBOARD_URL", Match.absent()))))));
    }

    @Test
    void givenSavedDescriptions_ingestReadsThemButTheWatcherStillPollsTheApi() {
        Synth.Synthesized saved = Synth.of(Synth.SAVED_DESCRIPTIONS);

        saved.template().hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Handler", PipelineFunctions.INGEST_HANDLER,
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        "MODEL_CATALOG", "s3", "DESCRIPTION_BUCKET", "saved-descriptions"))))));
        saved.template().hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Handler", PipelineFunctions.WATCH_HANDLER,
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        "MODEL_CATALOG", "live", "DESCRIPTION_BUCKET", Match.absent()))))));
    }

    @Test
    void asynchronousIngestInvocationsRetryThenGoToTheFailureQueue() {
        PipelineFunction ingest = full.stack().functions().ingest();
        full.template().resourceCountIs("AWS::Lambda::EventInvokeConfig", 1);
        full.template().hasResourceProperties("AWS::Lambda::EventInvokeConfig", Match.objectLike(Map.of(
                "FunctionName", full.ref(ingest.function()),
                "Qualifier", Match.objectLike(Map.of("Fn::Select", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("Fn::Split", Match.arrayWith(List.of(full.ref(ingest.alias())))))))
                )),
                "MaximumRetryAttempts", PipelineFunctions.INGEST_ASYNC_RETRIES,
                "MaximumEventAgeInSeconds", 6 * 3600,
                "DestinationConfig", Map.of("OnFailure", Map.of("Destination", Match.objectLike(Map.of(
                        "Fn::GetAtt", Match.arrayWith(List.of(Match.stringLikeRegexp("IngestFailuresQueue.*"))))))))));
    }

    @Test
    void allFunctionsDeployTheRealFunctionsJarAsOneAsset() throws IOException {
        Set<Object> keys = new HashSet<>();
        full.resources("AWS::Lambda::Function").values().forEach(resource -> {
            Map<?, ?> code = (Map<?, ?>) ((Map<?, ?>) resource.get("Properties")).get("Code");
            keys.add(code.get("S3Key"));
        });
        assertThat(keys).hasSize(1);
        String key = (String) keys.iterator().next();
        assertThat(key).endsWith(".jar");

        Path outdir = Path.of(Stage.of(full.stack()).getOutdir());
        Path staged = outdir.resolve("asset." + key);
        Path jar = FunctionsJar.resolve(null, Path.of(""));
        assertThat(Files.mismatch(staged, jar)).as("staged asset %s equals %s", staged, jar).isEqualTo(-1L);
    }
}
