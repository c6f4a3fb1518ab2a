package dev.lfvmetrics.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LeastPrivilegeTest {

    private static final Pattern SERVICE_WILDCARD = Pattern.compile("\\*|[a-z0-9-]+:\\*");

    private final Synth.Synthesized full = Synth.full();

    private static Map<String, Object> modelArn(String project) {
        return Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"), ":lookoutvision:",
                Map.of("Ref", "AWS::Region"), ":", Map.of("Ref", "AWS::AccountId"), ":model/" + project + "/*")));
    }

    private static Map<String, Object> bucketArn(String suffix) {
        return Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"), ":s3:::" + suffix)));
    }

    private static List<Synth.Statement> statementsOf(Synth.Synthesized synth, PipelineFunction function) {
        String policyPrefix = function.role().getNode().getPath().replace("/", "").replace("LfvMetrics", "");
        return synth.policyStatements().stream().filter(s -> s.policyId().startsWith(policyPrefix)).toList();
    }

    private static Set<Object> actionsOf(Synth.Synthesized synth, PipelineFunction function) {
        Set<Object> actions = new TreeSet<>();
        statementsOf(synth, function).forEach(s -> actions.addAll(s.actions()));
        return actions;
    }

    @Test
    void noStatementAllowsAllActionsOfAServiceOrEverything() {
        for (Synth.Synthesized synth : List.of(full, Synth.minimal())) {
            assertThat(synth.policyStatements()).isNotEmpty().allSatisfy(statement -> assertThat(statement.actions())
                    .as("actions of %s", statement.policyId())
                    .noneMatch(action -> SERVICE_WILDCARD.matcher(String.valueOf(action)).matches()));
        }
    }

    @Test
    void aStarResourceIsGrantedOnlyForActionsThatHaveNoNarrowerResource() {
        Set<Object> onStar = new TreeSet<>();
        full.policyStatements().stream().filter(s -> s.resources().contains("*"))
                .forEach(s -> onStar.addAll(s.actions()));

        assertThat(onStar).containsExactlyInAnyOrder(
                "dynamodb:ListStreams",
                "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery",
                "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies",
                "logs:DescribeLogGroups",
                "xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules",
                "xray:GetSamplingTargets");
    }

    @Test
    void describeModelIsAllowedOnlyOnTheWatchedProjectsModels() {
        List<Synth.Statement> describe = full.policyStatements().stream()
                .filter(s -> s.actions().contains("lookoutvision:DescribeModel")).toList();

        assertThat(describe).hasSize(2).allSatisfy(statement -> {
            assertThat(statement.actions()).containsExactly("lookoutvision:DescribeModel");
            assertThat(statement.resources()).containsExactlyInAnyOrder(modelArn("circuit-boards"),
                    modelArn("cookies"));
        });
        PipelineFunctions functions = full.stack().functions();
        assertThat(actionsOf(full, functions.watch().orElseThrow())).contains("lookoutvision:DescribeModel");
        assertThat(actionsOf(full, functions.ingest())).contains("lookoutvision:DescribeModel");
        assertThat(actionsOf(full, functions.api())).doesNotContain("lookoutvision:DescribeModel");
        assertThat(actionsOf(full, functions.alert())).doesNotContain("lookoutvision:DescribeModel");
    }

    @Test
    void givenNoWatchedProjects_noLookoutVisionActionIsGrantedAtAll() {
        assertThat(Synth.minimal().policyStatements()).allSatisfy(statement -> assertThat(statement.actions())
                .noneMatch(action -> String.valueOf(action).startsWith("lookoutvision:")));
    }

    @Test
    void givenTheS3Catalog_onlyTheWatchFunctionMayDescribeModels() {
        Synth.Synthesized savedDescriptions = Synth.of(Synth.SAVED_DESCRIPTIONS);
        PipelineFunctions functions = savedDescriptions.stack().functions();

        assertThat(actionsOf(savedDescriptions, functions.ingest())).doesNotContain("lookoutvision:DescribeModel");
        assertThat(actionsOf(savedDescriptions, functions.watch().orElseThrow()))
                .containsExactlyInAnyOrder("lookoutvision:DescribeModel", "logs:CreateLogStream", "logs:PutLogEvents");
        assertThat(statementsOf(savedDescriptions, functions.ingest())).anySatisfy(statement -> {
            assertThat(statement.actions()).contains("s3:GetObject*").doesNotContain("s3:PutObject");
            assertThat(statement.resources()).contains(bucketArn("saved-descriptions/*"));
        });
    }

    @Test
    void theIngestFunctionMayOnlyReadTheArtifactsBucketsAndOnlyUnderThePrefix() {
        List<Synth.Statement> artifacts = statementsOf(full, full.stack().functions().ingest()).stream()
                .filter(s -> s.resources().stream().anyMatch(r -> String.valueOf(r).contains("lfv-artifacts")))
                .filter(s -> !s.actions().equals(List.of("s3:GetObject")))
                .toList();

        assertThat(artifacts).hasSize(2);
        assertThat(artifacts.get(0).actions()).containsExactlyInAnyOrder("s3:GetObject*", "s3:GetBucket*", "s3:List*");
        assertThat(artifacts.get(0).resources()).containsExactlyInAnyOrder(bucketArn("lfv-artifacts-a"),
                bucketArn("lfv-artifacts-a/lookout/*"));
        assertThat(artifacts.get(1).actions()).containsExactlyInAnyOrder("s3:GetObject*", "s3:GetBucket*", "s3:List*");
        assertThat(artifacts.get(1).resources()).containsExactlyInAnyOrder(bucketArn("lfv-artifacts-b"),
                bucketArn("lfv-artifacts-b/lookout/*"));
    }

    @Test
    void theIngestAndApiFunctionsMayGetTheArtifactsBucketsObjects_forMasksAndImageLinks_andNothingElseThere() {
        for (PipelineFunction function : List.of(full.stack().functions().ingest(), full.stack().functions().api())) {
            List<Synth.Statement> images = statementsOf(full, function).stream()
                    .filter(s -> s.actions().equals(List.of("s3:GetObject"))).toList();
            assertThat(images).singleElement().satisfies(s -> assertThat(s.resources()).containsExactlyInAnyOrder(
                    bucketArn("lfv-artifacts-a/*"), bucketArn("lfv-artifacts-b/*")));
        }
        Synth.Synthesized minimal = Synth.minimal();
        assertThat(statementsOf(minimal, minimal.stack().functions().api()).stream()
                .filter(s -> s.actions().equals(List.of("s3:GetObject")))).as("no artifacts buckets: no grant")
                .isEmpty();
    }

    @Test
    void onlyTheIngestFunctionWritesDetails_andOnlyTheAlertFunctionPublishes() {
        PipelineFunctions functions = full.stack().functions();

        assertThat(actionsOf(full, functions.ingest())).contains("s3:PutObject").doesNotContain("sns:Publish",
                "s3:DeleteObject*");
        assertThat(actionsOf(full, functions.api())).doesNotContain("s3:PutObject", "sns:Publish",
                "s3:DeleteObject*");
        assertThat(actionsOf(full, functions.alert())).contains("sns:Publish", "s3:GetObject*")
                .doesNotContain("s3:PutObject");
        statementsOf(full, functions.alert()).stream().filter(s -> s.actions().contains("s3:GetObject*"))
                .forEach(s -> assertThat(s.resources()).hasSize(2).allSatisfy(r -> assertThat(String.valueOf(r))
                        .contains(full.logicalId(full.stack().data().detailsBucket()))));
        assertThat(actionsOf(full, functions.watch().orElseThrow())).doesNotContain("dynamodb:PutItem",
                "s3:GetObject*", "sns:Publish");
        statementsOf(full, functions.alert()).stream().filter(s -> s.actions().contains("sns:Publish"))
                .forEach(s -> assertThat(s.resources()).containsExactly(full.ref(full.stack().alerts().topic())));
    }

    @Test
    void theDetailsPrefixIsTheOnlyPartOfTheDetailsBucketAnyFunctionMayTouchObjectsIn() {
        Object detailsArn = full.getAtt(full.stack().data().detailsBucket(), "Arn");
        Object prefixed = Map.of("Fn::Join", List.of("", List.of(detailsArn, "/lfv-metrics/*")));
        full.policyStatements().stream()
                .filter(s -> s.resources().stream().anyMatch(r -> r instanceof Map<?, ?> m
                        && String.valueOf(m).contains(full.logicalId(full.stack().data().detailsBucket()))))
                .forEach(s -> assertThat(s.resources()).as(s.policyId()).isSubsetOf(detailsArn, prefixed));
    }
}
