package dev.lfvmetrics.infra;

import java.util.List;
import software.amazon.awscdk.CfnRule;
import software.amazon.awscdk.CfnRuleAssertion;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;

/**
 * Lambda SnapStart is offered in every commercial region except Asia Pacific (New Zealand) and Asia Pacific
 * (Taipei) (Lambda developer guide, "Supported Regions", read 2026-12): the functions' SnapStart would fail there.
 * A known region is refused at synth; the environment-agnostic template also carries a rule that stops the deploy
 * in those regions before anything is created.
 */
final class SnapStartRegions {

    /** Regions without SnapStart. */
    static final List<String> UNSUPPORTED = List.of("ap-southeast-6", "ap-east-2");
    /** Context parameter naming the region deployed to (default: the CDK CLI's CDK_DEFAULT_REGION, if set). */
    static final String PARAMETER = "region";

    private SnapStartRegions() {
    }

    /**
     * @param region the region deployed to, or null when unknown at synth
     * @throws InvalidContextException when SnapStart is not offered there
     */
    static void check(String region) {
        if (region != null && UNSUPPORTED.contains(region)) {
            throw new InvalidContextException(PARAMETER, "'" + region + "' does not offer Lambda SnapStart, which "
                    + "every function of the stack uses; deploy to another region");
        }
    }

    /**
     * Adds the template rule that fails the deploy in a region without SnapStart.
     *
     * @param stack the stack
     */
    static void guard(Stack stack) {
        CfnRule.Builder.create(stack, "SnapStartRegion")
                .assertions(List.of(CfnRuleAssertion.builder()
                        .assertValue(Fn.conditionNot(Fn.conditionContains(UNSUPPORTED, Stack.of(stack).getRegion())))
                        .assertDescription("Lambda SnapStart, which every lfv-metrics function uses, is not offered in "
                                + "this region")
                        .build()))
                .build();
    }
}
