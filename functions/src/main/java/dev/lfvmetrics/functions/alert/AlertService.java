package dev.lfvmetrics.functions.alert;

import dev.lfvmetrics.contracts.DashboardLinks;
import dev.lfvmetrics.functions.log.JsonLog;
import dev.lfvmetrics.functions.notify.Notifier;
import dev.lfvmetrics.functions.store.AlertState;
import dev.lfvmetrics.functions.store.ModelRecord;
import dev.lfvmetrics.functions.store.ModelStore;
import java.net.URI;
import java.util.List;

/**
 * Decides and sends the alert of one newly stored model: one message per version, holding all its breaches (or its
 * failed training). The alert is claimed in the store (PENDING) before it is published and confirmed (SENT) after,
 * so a redelivered stream record publishes only what was not confirmed, and a failed publish throws with the record
 * still PENDING.
 */
public final class AlertService {

    private static final JsonLog LOG = JsonLog.of(AlertService.class);

    private final ModelStore store;
    private final Verdicts verdicts;
    private final Notifier notifier;
    private final URI dashboard;

    /**
     * @param store     the model store (alert records)
     * @param verdicts  policy judgement
     * @param notifier  where alerts go
     * @param dashboard the dashboard alerts link to (DASHBOARD_URL), null for none
     */
    public AlertService(ModelStore store, Verdicts verdicts, Notifier notifier, URI dashboard) {
        this.store = store;
        this.verdicts = verdicts;
        this.notifier = notifier;
        this.dashboard = dashboard;
    }

    /**
     * @param model the model as now stored
     * @return the alerts that apply to it (published now or before)
     */
    public List<Alert> alertsFor(ModelRecord model) {
        String link = dashboard == null ? null : DashboardLinks.version(dashboard, model.project(), model.version());
        if (ModelRecord.TRAINING_FAILED.equals(model.status())) {
            return List.of(Alert.failed(model.project(), model.version(), model.statusMessage(), link));
        }
        if (!model.evaluated()) {
            return List.of();
        }
        Verdict verdict = verdicts.judge(model);
        if (verdict.breaches().isEmpty()) {
            return List.of();
        }
        return List.of(Alert.of(model.project(), model.version(), verdict.breaches(), verdict.inconclusive(), link));
    }

    /**
     * Publishes every alert of the model that is not yet confirmed as sent.
     *
     * @param model the model as now stored
     * @return how many messages were published by this call
     */
    public int process(ModelRecord model) {
        int published = 0;
        for (Alert alert : alertsFor(model)) {
            AlertState state = store.claimAlert(model.project(), model.version(), alert.key());
            if (state == AlertState.SENT) {
                LOG.info("alert already sent", "key", alert.key());
                continue;
            }
            String messageId = notifier.publish(AlertMessages.render(alert));
            store.markAlertSent(model.project(), model.version(), alert.key());
            published++;
            LOG.info("alert published", "key", alert.key(), "severity", alert.severity(), "breaches",
                    String.valueOf(alert.breaches().size()), "messageId", messageId,
                    "retry", String.valueOf(state == AlertState.PENDING));
        }
        return published;
    }
}
