package dev.lfvmetrics.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class StorageTest {

    private final Synth.Synthesized synth = Synth.minimal();
    private final Template template = synth.template();

    @Test
    void theTableHasTheDesignKeysIndexStreamAndTtl() {
        template.resourceCountIs("AWS::DynamoDB::Table", 1);
        template.hasResourceProperties("AWS::DynamoDB::Table", Match.objectLike(Map.of(
                "KeySchema", List.of(
                        Map.of("AttributeName", "pk", "KeyType", "HASH"),
                        Map.of("AttributeName", "sk", "KeyType", "RANGE")),
                "GlobalSecondaryIndexes", List.of(Match.objectLike(Map.of(
                        "IndexName", "gsi1",
                        "KeySchema", List.of(
                                Map.of("AttributeName", "gsi1pk", "KeyType", "HASH"),
                                Map.of("AttributeName", "gsi1sk", "KeyType", "RANGE"))))),
                "StreamSpecification", Map.of("StreamViewType", "NEW_AND_OLD_IMAGES"),
                "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true))));
    }

    @Test
    void theTableIsOnDemandRecoverableEncryptedAndRetained() {
        template.hasResource("AWS::DynamoDB::Table", Match.objectLike(Map.of(
                "DeletionPolicy", "Retain",
                "Properties", Match.objectLike(Map.of(
                        "BillingMode", "PAY_PER_REQUEST",
                        "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                        "SSESpecification", Map.of("SSEEnabled", true))))));
    }

    @Test
    void theDetailsBucketIsEncryptedPrivateAndRetained() {
        template.resourceCountIs("AWS::S3::Bucket", 1);
        template.hasResource("AWS::S3::Bucket", Match.objectLike(Map.of(
                "DeletionPolicy", "Retain",
                "Properties", Match.objectLike(Map.of(
                        "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(
                                Match.objectLike(Map.of("ServerSideEncryptionByDefault",
                                        Map.of("SSEAlgorithm", "AES256"))))),
                        "PublicAccessBlockConfiguration", Map.of(
                                "BlockPublicAcls", true, "BlockPublicPolicy", true,
                                "IgnorePublicAcls", true, "RestrictPublicBuckets", true))))));
    }

    @Test
    void theDetailsBucketRefusesPlainHttp() {
        Map<String, Object> denyPlainHttp = Map.of("Effect", "Deny", "Action", "s3:*",
                "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")));
        template.hasResourceProperties("AWS::S3::BucketPolicy", Match.objectLike(Map.of(
                "Bucket", synth.ref(synth.stack().data().detailsBucket()),
                "PolicyDocument", Match.objectLike(Map.of(
                        "Statement", Match.arrayWith(List.of(Match.objectLike(denyPlainHttp))))))));
    }

    @Test
    void theStackOutputsTheApiUrlTopicTableAndBucket() {
        assertThat(template.findOutputs("*").keySet())
                .containsExactlyInAnyOrder("ApiUrl", "TopicArn", "TableName", "DetailsBucket");
        template.hasOutput("TableName", Match.objectLike(Map.of("Value", synth.ref(synth.stack().data().table()))));
        template.hasOutput("TopicArn", Match.objectLike(Map.of(
                "Value", synth.ref(synth.stack().alerts().topic()))));
        template.hasOutput("DetailsBucket", Match.objectLike(Map.of(
                "Value", synth.ref(synth.stack().data().detailsBucket()))));
        Object apiRef = synth.ref(synth.stack().api().api());
        template.hasOutput("ApiUrl", Match.objectLike(Map.of("Value", Match.objectLike(Map.of(
                "Fn::Join", Match.arrayWith(List.of(Match.arrayWith(List.of(apiRef)))))))));
    }
}
