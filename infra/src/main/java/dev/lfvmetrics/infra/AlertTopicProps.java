package dev.lfvmetrics.infra;

import java.util.List;
import java.util.Optional;

/**
 * What {@link AlertTopic} delivers to.
 *
 * @param emails addresses to subscribe (each must confirm the subscription from the e-mail AWS sends)
 * @param slack the Slack channel for AWS Chatbot, if any
 */
public record AlertTopicProps(List<String> emails, Optional<SlackChannel> slack) {

    /** Copies the list so the props cannot change after the construct read them. */
    public AlertTopicProps {
        emails = List.copyOf(emails);
    }
}
