package dev.lfvmetrics.functions.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class FailuresTest {

    private static S3Exception s3(int status, String code) {
        return (S3Exception) S3Exception.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build()).build();
    }

    @Test
    void accessDeniedAndValidationErrorsArePermanent() {
        assertThat(Failures.isTransient(s3(403, "AccessDenied"))).isFalse();
        assertThat(Failures.isTransient(s3(404, "NoSuchBucket"))).isFalse();
        assertThat(Failures.isTransient(s3(400, "InvalidRequest"))).isFalse();
    }

    @Test
    void serverErrorsThrottlingAndNetworkFailuresAreTransient() {
        assertThat(Failures.isTransient(s3(500, "InternalError"))).isTrue();
        assertThat(Failures.isTransient(s3(503, "SlowDown"))).isTrue();
        assertThat(Failures.isTransient(ProvisionedThroughputExceededException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException")
                        .build()).build())).isTrue();
        assertThat(Failures.isTransient(SdkClientException.create("Connection refused"))).isTrue();
    }

    @Test
    void otherExceptionsArePermanent() {
        assertThat(Failures.isTransient(new IllegalStateException("bug"))).isFalse();
    }
}
