package dev.lfvmetrics.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;

class CdkNagTest {

    private static final Object AWS_SOLUTIONS = Match.stringLikeRegexp("AwsSolutions-.*");

    private static List<String> describe(List<SynthesisMessage> messages) {
        List<String> lines = new ArrayList<>();
        for (SynthesisMessage message : messages) {
            String data = String.valueOf(message.getEntry().getData());
            lines.add(message.getId() + ": " + data.substring(0, Math.min(160, data.length())));
        }
        return lines;
    }

    private static final List<Map<String, Object>> CONTEXTS = List.of(Map.of(), Synth.FULL,
            Map.of("apiAuth", "none"),
            Synth.SAVED_DESCRIPTIONS);

    @Test
    void givenEveryContextVariant_awsSolutionsReportsNoUnacknowledgedErrorOrWarning() {
        for (Map<String, Object> context : CONTEXTS) {
            Annotations annotations = Synth.of(context).annotations();
            assertThat(describe(annotations.findError("*", AWS_SOLUTIONS))).as("errors with %s", context).isEmpty();
            assertThat(describe(annotations.findWarning("*", AWS_SOLUTIONS))).as("warnings with %s", context)
                    .isEmpty();
        }
    }

    @Test
    void theSynthReportsNoWarningOrErrorOfAnyKind() {
        Annotations annotations = Synth.full().annotations();

        assertThat(describe(annotations.findWarning("*", Match.anyValue()))).isEmpty();
        assertThat(describe(annotations.findError("*", Match.anyValue()))).isEmpty();
    }

    @Test
    void everyAcknowledgementNamesAnAwsSolutionsRuleAndAConcreteReason() {
        List<Map<?, ?>> acknowledgements = new ArrayList<>();
        for (Map<String, Object> context : CONTEXTS) {
            Map<?, ?> resources = (Map<?, ?>) Synth.of(context).template().toJSON().get("Resources");
            resources.values().forEach(resource -> {
                Map<?, ?> metadata = (Map<?, ?>) ((Map<?, ?>) resource).get("Metadata");
                if (metadata != null && metadata.get("cdk_nag") instanceof Map<?, ?> nag) {
                    ((List<?>) nag.get("rules_to_suppress")).forEach(rule -> acknowledgements.add((Map<?, ?>) rule));
                }
            });
        }

        assertThat(acknowledgements).isNotEmpty().allSatisfy(rule -> {
            assertThat(String.valueOf(rule.get("id"))).matches("AwsSolutions-[A-Z]+[0-9]+");
            assertThat(String.valueOf(rule.get("reason"))).hasSizeGreaterThan(60);
        });
        assertThat(acknowledgements).filteredOn(rule -> "AwsSolutions-IAM5".equals(rule.get("id")))
                .as("wildcard acknowledgements list the exact findings they cover")
                .isNotEmpty()
                .allSatisfy(rule -> assertThat((List<?>) rule.get("applies_to")).isNotEmpty());
    }

    @Test
    void givenANonCompliantResourceInTheStack_theChecksReportIt() {
        App app = App.Builder.create().outdir("target/cdk-test-out/non-compliant").build();
        LfvMetricsStack stack = LfvMetricsApp.create(app, StackSettings.fromContext(app.getNode(), Path.of("")));
        Queue.Builder.create(stack, "PlainQueue").encryption(QueueEncryption.UNENCRYPTED).build();

        List<String> errors = describe(Annotations.fromStack(stack).findError("*", AWS_SOLUTIONS));

        assertThat(errors).anySatisfy(error -> assertThat(error).startsWith("/LfvMetrics/PlainQueue/Resource: "
                + "AwsSolutions-SQS"));
    }
}
