package dev.lfvmetrics.cli.local;

import dev.lfvmetrics.functions.notify.Notification;
import dev.lfvmetrics.functions.notify.Notifier;

/** Publishes to the real channel first, then shows the alert locally; a failed publish is not shown as sent. */
final class TeeNotifier implements Notifier {

    private final Notifier primary;
    private final Notifier local;

    TeeNotifier(Notifier primary, Notifier local) {
        this.primary = primary;
        this.local = local;
    }

    @Override
    public String publish(Notification notification) {
        String id = primary.publish(notification);
        local.publish(notification);
        return id;
    }
}
