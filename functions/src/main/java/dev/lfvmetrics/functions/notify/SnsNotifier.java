package dev.lfvmetrics.functions.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lfvmetrics.core.json.Json;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * Publishes to one SNS topic with {@code MessageStructure=json}: a plain-text body for email and the default,
 * the Chatbot custom-notification document for https (Slack through AWS Chatbot), and message attributes for
 * subscription filter policies.
 */
public final class SnsNotifier implements Notifier {

    private final SnsClient sns;
    private final String topicArn;

    /**
     * @param sns      the client
     * @param topicArn the alert topic
     */
    public SnsNotifier(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    @Override
    public String publish(Notification notification) {
        Map<String, MessageAttributeValue> attributes = new HashMap<>();
        notification.attributes().forEach((name, value) -> attributes.put(name,
                MessageAttributeValue.builder().dataType("String").stringValue(value).build()));
        String message = structured(notification);
        return sns.publish(b -> b.topicArn(topicArn)
                .subject(notification.subject())
                .messageStructure("json")
                .message(message)
                .messageAttributes(attributes)).messageId();
    }

    /**
     * @param notification the alert
     * @return the JSON message with one string per protocol
     */
    public static String structured(Notification notification) {
        ObjectNode message = Json.mapper().createObjectNode();
        message.put("default", notification.text());
        message.put("email", notification.text());
        message.put("https", notification.chatbot());
        try {
            return Json.mapper().writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }
}
