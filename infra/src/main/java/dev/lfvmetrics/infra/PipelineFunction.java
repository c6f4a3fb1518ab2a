package dev.lfvmetrics.infra;

import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.logs.LogGroup;

/**
 * One Lambda function of the pipeline and what belongs to it. Triggers and grants go to {@code alias} (the
 * SnapStart-enabled published version): {@code $LATEST} has no snapshot and is never invoked.
 *
 * @param function the function
 * @param alias its {@code live} alias
 * @param role its execution role (grants land here)
 * @param logGroup its log group
 */
public record PipelineFunction(Function function, Alias alias, Role role, LogGroup logGroup) {
}
