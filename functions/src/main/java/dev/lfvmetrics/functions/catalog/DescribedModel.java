package dev.lfvmetrics.functions.catalog;

import dev.lfvmetrics.core.format.ModelDescription;

/**
 * A model description and where it came from.
 *
 * @param description the DescribeModel document
 * @param source      its origin, for the summary's sources and for messages
 */
public record DescribedModel(ModelDescription description, String source) {

    /**
     * Statuses after a successful training: these models have evaluation artifacts.
     *
     * @return true when the model was trained
     */
    public boolean trained() {
        String status = description.status();
        return status != null && (status.equals("TRAINED") || status.endsWith("HOSTING") || status.equals("HOSTED")
                || status.equals("HOSTING_FAILED") || status.equals("SYSTEM_UPDATING"));
    }

    /** @return true when the training failed */
    public boolean failed() {
        return "TRAINING_FAILED".equals(description.status());
    }

    /** @return true when the training is over, one way or the other */
    public boolean finished() {
        return trained() || failed() || "DELETING".equals(description.status());
    }
}
