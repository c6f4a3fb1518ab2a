package dev.lfvmetrics.functions.notify;

import java.util.Map;

/**
 * One alert, ready for every channel.
 *
 * @param subject    one line, under 100 characters (email subject)
 * @param text       plain-text body (email, default)
 * @param chatbot    AWS Chatbot custom-notification JSON (Slack through an https subscription)
 * @param attributes message attributes for subscription filter policies: project, severity, kind
 */
public record Notification(String subject, String text, String chatbot, Map<String, String> attributes) {

    /** SNS refuses subjects of 100 characters or more. */
    public static final int MAX_SUBJECT = 99;

    public Notification {
        if (subject == null || subject.isEmpty() || subject.length() > MAX_SUBJECT
                || subject.indexOf('\n') >= 0 || subject.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("subject must be one line of 1 to 99 characters: '" + subject + "'");
        }
        attributes = Map.copyOf(attributes);
    }
}
