package dev.lfvmetrics.infra;

import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * How {@link QueryApi} is exposed.
 *
 * @param handler the API function's alias
 * @param auth IAM (default) or none
 * @param rateLimit steady-state requests per second for the whole stage
 * @param burstLimit burst capacity for the whole stage
 * @param logRetention how long access logs are kept
 */
public record QueryApiProps(IFunction handler, ApiAuth auth, double rateLimit, int burstLimit,
                            RetentionDays logRetention) {
}
