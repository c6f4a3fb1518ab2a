package dev.lfvmetrics.infra;

/**
 * The Slack channel that AWS Chatbot posts alerts to. The workspace must already be authorized in the
 * AWS Chatbot console: CloudFormation cannot do that OAuth step.
 *
 * @param workspaceId the Slack workspace (team) id, e.g. T0123ABCD
 * @param channelId the channel id, e.g. C0123ABCD
 */
public record SlackChannel(String workspaceId, String channelId) {

    /** AWS Chatbot's limit on a channel configuration's name (AWS::Chatbot::SlackChannelConfiguration). */
    static final int MAX_CONFIGURATION_NAME = 128;

    /** @return the name of the channel configuration the stack creates for this channel */
    public String configurationName() {
        return "lfv-metrics-alerts-" + channelId;
    }
}
