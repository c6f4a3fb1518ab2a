package dev.lfvmetrics.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.chatbot.SlackChannelConfiguration;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * The alert topic: KMS-encrypted with a customer key (an AWS managed SNS key cannot be used by CloudWatch alarms,
 * whose key policy we could not extend), TLS enforced, with the e-mail subscriptions and the optional AWS Chatbot
 * Slack channel. Chatbot's guardrail is the ReadOnlyAccess managed policy: its default is administrator access.
 */
public final class AlertTopic extends Construct {

    /** The managed policy that caps what anyone in the Slack channel can do through Chatbot. */
    public static final String GUARDRAIL_POLICY = "ReadOnlyAccess";

    private final Key key;
    private final Topic topic;

    /**
     * @param scope parent
     * @param id construct id
     * @param props subscribers
     */
    public AlertTopic(Construct scope, String id, AlertTopicProps props) {
        super(scope, id);
        this.key = Key.Builder.create(this, "Key")
                .description("lfv-metrics alert topic encryption")
                .enableKeyRotation(true)
                .pendingWindow(Duration.days(7))
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        // Alarm actions and EventBridge publish as these services, not as a role: they need the key in its policy.
        // The source-account condition keeps other accounts' alarms and rules from using the key.
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowAlarmsAndEventBridgeToPublish")
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com"),
                        new ServicePrincipal("events.amazonaws.com")))
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey"))
                .resources(List.of("*"))
                .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", Stack.of(this).getAccount())))
                .build());
        this.topic = Topic.Builder.create(this, "Topic")
                .displayName("lfv-metrics alerts")
                .masterKey(key)
                .enforceSsl(true)
                .build();
        for (String email : props.emails()) {
            topic.addSubscription(new EmailSubscription(email));
        }
        props.slack().ifPresent(slack -> {
            // Chatbot only relays notifications here: its role needs no permission of its own.
            Role role = Role.Builder.create(this, "ChatbotRole")
                    .assumedBy(new ServicePrincipal("chatbot.amazonaws.com"))
                    .description("AWS Chatbot channel role for lfv-metrics alerts: notifications only")
                    .build();
            SlackChannelConfiguration.Builder.create(this, "Slack")
                    .slackChannelConfigurationName(slack.configurationName())
                    .slackWorkspaceId(slack.workspaceId())
                    .slackChannelId(slack.channelId())
                    .notificationTopics(List.of(topic))
                    .guardrailPolicies(List.of(ManagedPolicy.fromAwsManagedPolicyName(GUARDRAIL_POLICY)))
                    .userRoleRequired(false)
                    .role(role)
                    .build();
        });
    }

    /**
     * @return the topic
     */
    public Topic topic() {
        return topic;
    }

    /**
     * @return the topic's encryption key
     */
    public Key key() {
        return key;
    }
}
