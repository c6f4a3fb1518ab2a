package dev.lfvmetrics.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;

class AlertTopicTest {

    private final Synth.Synthesized full = Synth.full();
    private final Synth.Synthesized minimal = Synth.minimal();

    @Test
    void theTopicIsEncryptedWithARotatingCustomerKey() {
        full.template().resourceCountIs("AWS::SNS::Topic", 1);
        full.template().hasResourceProperties("AWS::SNS::Topic", Match.objectLike(Map.of(
                "KmsMasterKeyId", full.getAtt(full.stack().alerts().key(), "Arn"))));
        full.template().hasResourceProperties("AWS::KMS::Key", Match.objectLike(Map.of(
                "EnableKeyRotation", true)));
    }

    @Test
    void theKeyLetsAlarmsAndEventBridgeOfThisAccountPublish() {
        Capture principals = new Capture();
        Map<String, Object> publishers = Map.of(
                "Effect", "Allow",
                "Principal", Map.of("Service", principals),
                "Action", List.of("kms:Decrypt", "kms:GenerateDataKey"),
                "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", Map.of("Ref", "AWS::AccountId"))));
        full.template().hasResourceProperties("AWS::KMS::Key", Match.objectLike(Map.of(
                "KeyPolicy", Match.objectLike(Map.of(
                        "Statement", Match.arrayWith(List.of(Match.objectLike(publishers))))))));

        assertThat(principals.asArray()).containsExactlyInAnyOrder("cloudwatch.amazonaws.com",
                "events.amazonaws.com");
    }

    @Test
    void theTopicRefusesPublishingOverPlainHttp() {
        Map<String, Object> denyPlainHttp = Map.of("Effect", "Deny", "Action", "sns:Publish",
                "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")));
        full.template().hasResourceProperties("AWS::SNS::TopicPolicy", Match.objectLike(Map.of(
                "Topics", List.of(full.ref(full.stack().alerts().topic())),
                "PolicyDocument", Match.objectLike(Map.of(
                        "Statement", Match.arrayWith(List.of(Match.objectLike(denyPlainHttp))))))));
    }

    @Test
    void eachAlertEmailIsSubscribed() {
        full.template().resourceCountIs("AWS::SNS::Subscription", 2);
        for (String email : List.of("ops@example.com", "ml@example.com")) {
            full.template().hasResourceProperties("AWS::SNS::Subscription", Map.of(
                    "Protocol", "email",
                    "Endpoint", email,
                    "TopicArn", full.ref(full.stack().alerts().topic())));
        }
        minimal.template().resourceCountIs("AWS::SNS::Subscription", 0);
    }

    @Test
    void givenSlackIds_chatbotPostsToTheChannelWithAReadOnlyGuardrail() {
        full.template().resourceCountIs("AWS::Chatbot::SlackChannelConfiguration", 1);
        Capture guardrails = new Capture();
        Capture role = new Capture();
        full.template().hasResourceProperties("AWS::Chatbot::SlackChannelConfiguration", Match.objectLike(Map.of(
                "SlackWorkspaceId", "T0123ABCD",
                "SlackChannelId", "C0123ABCD",
                "SnsTopicArns", List.of(full.ref(full.stack().alerts().topic())),
                "GuardrailPolicies", guardrails,
                "IamRoleArn", role)));

        assertThat(guardrails.asArray()).hasSize(1);
        assertThat(guardrails.asArray().get(0)).isEqualTo(Map.of("Fn::Join", List.of("", List.of("arn:",
                Map.of("Ref", "AWS::Partition"), ":iam::aws:policy/ReadOnlyAccess"))));
        String roleId = (String) ((List<?>) role.asObject().get("Fn::GetAtt")).get(0);
        Map<?, ?> roleProperties = (Map<?, ?>) full.resources("AWS::IAM::Role").get(roleId).get("Properties");
        assertThat(roleProperties.get("ManagedPolicyArns")).as("no managed policy on the channel role").isNull();
        assertThat(roleProperties.get("Policies")).as("no inline policy on the channel role").isNull();
        assertThat(full.policyStatements()).noneMatch(s -> s.policyId().startsWith("AlertsChatbotRole"));
    }

    @Test
    void givenNoSlackIds_thereIsNoChatbotChannel() {
        minimal.template().resourceCountIs("AWS::Chatbot::SlackChannelConfiguration", 0);
    }
}
