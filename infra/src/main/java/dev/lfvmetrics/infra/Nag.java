package dev.lfvmetrics.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import java.util.ArrayList;
import java.util.List;
import software.constructs.IConstruct;

/**
 * Records a cdk-nag acknowledgement next to the resource it concerns. Each names one rule and the concrete
 * reason the finding is accepted; {@code appliesTo} narrows IAM5/IAM4 findings to the listed wildcards, so a new,
 * unexpected wildcard on the same resource still fails the check.
 */
public final class Nag {

    private Nag() {
    }

    /**
     * @param construct the resource (and its children) the finding is on
     * @param rule the rule id, e.g. {@code AwsSolutions-SQS3}
     * @param reason why the finding is accepted here
     * @param appliesTo exact finding strings, or {@code /regex/} patterns, that the acknowledgement covers
     *                  (none: the whole rule)
     */
    public static void acknowledge(IConstruct construct, String rule, String reason, String... appliesTo) {
        NagPackSuppression.Builder suppression = NagPackSuppression.builder().id(rule).reason(reason);
        if (appliesTo.length > 0) {
            List<Object> findings = new ArrayList<>();
            for (String finding : appliesTo) {
                if (finding.startsWith("/")) {
                    findings.add(RegexAppliesTo.builder().regex(finding).build());
                } else {
                    findings.add(finding);
                }
            }
            suppression.appliesTo(findings);
        }
        NagSuppressions.addResourceSuppressions(construct, List.of(suppression.build()), true);
    }
}
