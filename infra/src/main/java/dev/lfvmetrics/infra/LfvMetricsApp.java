package dev.lfvmetrics.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.nio.file.Path;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app: one {@link LfvMetricsStack} named {@value #STACK_NAME}, checked by cdk-nag's AwsSolutions pack on
 * every synth. Run by {@code npx cdk synth|deploy} (see cdk.json) or directly with {@code CDK_OUTDIR} set.
 */
public final class LfvMetricsApp {

    /** The CloudFormation stack name. */
    public static final String STACK_NAME = "LfvMetrics";

    private LfvMetricsApp() {
    }

    /**
     * @param args ignored: parameters come from the CDK context
     */
    public static void main(String[] args) {
        App app = new App();
        // The region a deploy goes to, when the CDK CLI knows it: checked at synth (a -c region=... wins).
        String region = System.getenv("CDK_DEFAULT_REGION");
        if (region != null && app.getNode().tryGetContext(SnapStartRegions.PARAMETER) == null) {
            app.getNode().setContext(SnapStartRegions.PARAMETER, region);
        }
        try {
            create(app, StackSettings.fromContext(app.getNode(), Path.of("")));
        } catch (InvalidContextException e) {
            // A usage error of the operator: one clear line, no stack trace.
            System.err.println("lfv-metrics: " + e.getMessage());
            System.exit(2);
        }
        app.synth();
    }

    /**
     * Adds the stack and the cdk-nag checks to an app.
     *
     * @param app the app (its context must match {@code settings})
     * @param settings the validated parameters
     * @return the stack
     */
    public static LfvMetricsStack create(App app, StackSettings settings) {
        // Environment-agnostic on purpose: synth needs no credentials, and nothing here looks an account up.
        LfvMetricsStack stack = new LfvMetricsStack(app, STACK_NAME, StackProps.builder()
                .description("lfv-metrics: evaluation metrics pipeline for Amazon Lookout for Vision models")
                .build(), settings);
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        return stack;
    }
}
