package dev.lfvmetrics.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.constructs.IConstruct;

/**
 * Synthesizes the real app (stack + cdk-nag aspect) for a context, once per distinct context in the test JVM:
 * a synth costs seconds (jsii round trips, asset staging of the functions jar), the assertions milliseconds.
 */
final class Synth {

    /** The context of the documented example deployment: every optional parameter set. */
    static final Map<String, Object> FULL = Map.of(
            "artifactsBuckets", "lfv-artifacts-a,lfv-artifacts-b",
            "artifactsPrefix", "lookout/",
            "alertEmails", "ops@example.com,ml@example.com",
            "slackWorkspaceId", "T0123ABCD",
            "slackChannelId", "C0123ABCD",
            "defaultPolicy", "{\"minimums\":{\"f1Score\":0.8}}",
            "watchedProjects", "circuit-boards,cookies");

    /** Watched projects, but descriptions read from saved documents. */
    static final Map<String, Object> SAVED_DESCRIPTIONS = Map.of("watchedProjects", "cookies", "modelCatalog", "s3",
            "descriptionBucket", "saved-descriptions");

    private static final Map<Map<String, Object>, Synthesized> CACHE = new ConcurrentHashMap<>();
    private static final AtomicInteger COUNT = new AtomicInteger();

    private Synth() {
    }

    static Synthesized of(Map<String, Object> context) {
        return CACHE.computeIfAbsent(Map.copyOf(context), Synth::synthesize);
    }

    static Synthesized minimal() {
        return of(Map.of());
    }

    static Synthesized full() {
        return of(FULL);
    }

    private static Synthesized synthesize(Map<String, Object> context) {
        // Under target/, not the system temp dir: every synth stages the functions jar, and `mvn clean` removes it.
        Path outdir = Path.of("target", "cdk-test-out", "synth-" + COUNT.incrementAndGet());
        App app = App.Builder.create().context(context).outdir(outdir.toString()).build();
        LfvMetricsStack stack = LfvMetricsApp.create(app, StackSettings.fromContext(app.getNode(), Path.of("")));
        return new Synthesized(stack, Template.fromStack(stack), Annotations.fromStack(stack));
    }

    record Synthesized(LfvMetricsStack stack, Template template, Annotations annotations) {

        /** The CloudFormation logical id of a construct's main resource. */
        String logicalId(IConstruct construct) {
            return stack.getLogicalId((CfnElement) construct.getNode().getDefaultChild());
        }

        /** {@code {"Ref": <logical id>}}, as CloudFormation refers to the resource. */
        Map<String, Object> ref(IConstruct construct) {
            return Map.of("Ref", logicalId(construct));
        }

        /** {@code {"Fn::GetAtt": [<logical id>, attribute]}}. */
        Map<String, Object> getAtt(IConstruct construct, String attribute) {
            return Map.of("Fn::GetAtt", List.of(logicalId(construct), attribute));
        }

        /** Resources of a type whose properties match {@code properties} (Match.objectLike), by logical id. */
        Map<String, Map<String, Object>> resources(String type, Map<String, ?> properties) {
            return template.findResources(type, Match.objectLike(Map.of(
                    "Properties", Match.objectLike(properties))));
        }

        /** Every resource of a type, by logical id. */
        Map<String, Map<String, Object>> resources(String type) {
            return template.findResources(type);
        }

        /** Every statement of every identity policy in the template, with the policy's logical id. */
        List<Statement> policyStatements() {
            List<Statement> statements = new ArrayList<>();
            resources("AWS::IAM::Policy").forEach((id, resource) -> {
                Map<?, ?> properties = (Map<?, ?>) resource.get("Properties");
                Map<?, ?> document = (Map<?, ?>) properties.get("PolicyDocument");
                for (Object statement : (List<?>) document.get("Statement")) {
                    statements.add(new Statement(id, (Map<?, ?>) statement));
                }
            });
            return statements;
        }
    }

    /** One IAM statement, its actions and resources always as lists. */
    record Statement(String policyId, Map<?, ?> raw) {

        List<Object> actions() {
            return asList(raw.get("Action"));
        }

        List<Object> resources() {
            return asList(raw.get("Resource"));
        }

        private static List<Object> asList(Object value) {
            if (value instanceof List<?> list) {
                return new ArrayList<>(list);
            }
            List<Object> single = new ArrayList<>();
            single.add(value);
            return single;
        }
    }
}
