package dev.lfvmetrics.functions.watch;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One poll of a training model, for the Step Functions wait loop.
 *
 * @param project       project
 * @param version       version
 * @param status        DescribeModel status
 * @param statusMessage DescribeModel status message
 * @param isFinal       true when the training is over (stop polling)
 */
public record WatchResult(String project, String version, String status, String statusMessage,
                          @JsonProperty("final") boolean isFinal) {
}
