package dev.lfvmetrics.core.registry;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.core.summary.Curves;
import dev.lfvmetrics.core.summary.Metrics;
import dev.lfvmetrics.core.summary.Summary;

/**
 * A summary as SageMaker Model Registry's model-quality document ({@code evaluation.json}, referenced by a model
 * package's {@code ModelMetrics.ModelQuality.Statistics}), so that SageMaker Studio shows lfv-metrics' figures.
 * Class 1 is anomalous. The confusion matrix's outer keys are the actual class, the inner ones the predicted class.
 * {@code standard_deviation} is the binomial standard error {@code sqrt(p (1 - p) / n)} on the metric's own
 * denominator. A metric that is undefined on this test set is left out rather than written as a number it is not.
 */
public final class ModelQualityDocument {

    private ModelQualityDocument() {
    }

    /**
     * @param summary an evaluation
     * @return the {@code evaluation.json} document
     */
    public static ObjectNode of(Summary summary) {
        Metrics m = summary.metrics();
        ObjectNode root = Json.mapper().createObjectNode();
        ObjectNode binary = root.putObject("binary_classification_metrics");
        ObjectNode matrix = binary.putObject("confusion_matrix");
        ObjectNode actualNormal = matrix.putObject("0");
        actualNormal.put("0", m.trueNegatives());
        actualNormal.put("1", m.falsePositives());
        ObjectNode actualAnomalous = matrix.putObject("1");
        actualAnomalous.put("0", m.falseNegatives());
        actualAnomalous.put("1", m.truePositives());
        withError(binary, "precision", m.precision(), m.truePositives() + m.falsePositives());
        withError(binary, "recall", m.recall(), m.truePositives() + m.falseNegatives());
        withError(binary, "accuracy", m.accuracy(), m.images());
        value(binary, "f1", m.f1Score());
        value(binary, "auc", m.rocAuc());
        value(binary, "average_precision", m.averagePrecision());
        value(binary, "specificity", m.specificity());
        value(binary, "false_positive_rate", m.falsePositiveRate());
        Curves curves = summary.curves();
        if (curves != null && !curves.roc().isEmpty()) {
            ObjectNode roc = binary.putObject("receiver_operating_characteristic_curve");
            ArrayNode fpr = roc.putArray("false_positive_rates");
            ArrayNode tpr = roc.putArray("true_positive_rates");
            for (Curves.RocPoint p : curves.roc()) {
                fpr.add(p.fpr());
                tpr.add(p.tpr());
            }
        }
        if (curves != null && !curves.precisionRecall().isEmpty()) {
            ObjectNode pr = binary.putObject("precision_recall_curve");
            ArrayNode precisions = pr.putArray("precisions");
            ArrayNode recalls = pr.putArray("recalls");
            for (Curves.PrPoint p : curves.precisionRecall()) {
                precisions.add(p.precision());
                recalls.add(p.recall());
            }
        }
        return root;
    }

    private static void value(ObjectNode parent, String name, Double value) {
        if (value != null) {
            parent.putObject(name).put("value", value);
        }
    }

    private static void withError(ObjectNode parent, String name, Double value, long denominator) {
        if (value != null) {
            ObjectNode metric = parent.putObject(name);
            metric.put("value", value);
            metric.put("standard_deviation", Math.sqrt(value * (1.0 - value) / denominator));
        }
    }
}
