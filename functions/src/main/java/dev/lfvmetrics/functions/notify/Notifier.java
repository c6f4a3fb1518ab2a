package dev.lfvmetrics.functions.notify;

/** Sends alerts to the people who subscribed to them. */
public interface Notifier {

    /**
     * Publishes one alert; a failure throws so that the caller's event is retried.
     *
     * @param notification the alert
     * @return the message id given by the channel
     */
    String publish(Notification notification);
}
