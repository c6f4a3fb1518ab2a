package dev.lfvmetrics.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lfvmetrics.core.error.InvalidInputException;
import dev.lfvmetrics.core.format.Formats;
import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.core.summary.LabelMetrics;
import dev.lfvmetrics.core.summary.Summary;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads threshold policies and checks summaries against them. Used by the CLI's {@code gate} and by the pipeline's
 * alerts, so both judge a model the same way.
 */
public final class PolicyEvaluator {

    /** The label key that applies to every label. */
    public static final String ANY_LABEL = "*";

    /** Slack for floating-point noise in drops, e.g. 0.85 - 0.83 = 0.020000000000000018. */
    private static final double EPSILON = 1e-9;

    private static final List<String> KEY_ORDER = List.of("minimums", "maximums", "maximumDrops", "labelMinimums",
            "minimumImages", "minimumAnomalous");
    private static final Set<String> KEYS = Set.copyOf(KEY_ORDER);

    private PolicyEvaluator() {
    }

    /**
     * Reads and validates a policy document.
     *
     * @param in     the document; not closed
     * @param source file or URI, for messages
     * @return the policy
     * @throws InvalidInputException naming the bad key when the document is invalid
     */
    public static ThresholdPolicy read(InputStream in, String source) {
        return fromTree(Json.readTree(in, source), source);
    }

    /**
     * Reads and validates a policy file.
     *
     * @param file the policy document
     * @return the policy
     * @throws InvalidInputException naming the path when the file is missing, or the bad key when invalid
     */
    public static ThresholdPolicy read(Path file) {
        try (InputStream in = Formats.open(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), 0, "cannot read file (" + e.getClass().getSimpleName()
                    + ")", e);
        }
    }

    /**
     * Reads and validates a policy given as a string (e.g. a stored item or an environment variable).
     *
     * @param json   the document
     * @param source where it came from, for messages
     * @return the policy
     */
    public static ThresholdPolicy read(String json, String source) {
        return read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), source);
    }

    /**
     * Validates a policy given as a JSON tree.
     *
     * @param root   the document
     * @param source where it came from, for messages
     * @return the policy
     */
    public static ThresholdPolicy fromTree(JsonNode root, String source) {
        if (!root.isObject()) {
            throw new InvalidInputException(source, 0, "a threshold policy must be a JSON object");
        }
        Iterator<String> names = root.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!KEYS.contains(key)) {
                throw new InvalidInputException(source, 0,
                        "unknown key \"" + key + "\" (expected " + String.join(", ", KEY_ORDER) + ")");
            }
        }
        Map<String, Double> minimums = metricMap(root.get("minimums"), "minimums", MetricNames.summaryMetrics(),
                false, source);
        Map<String, Double> drops = metricMap(root.get("maximumDrops"), "maximumDrops",
                MetricNames.summaryMetrics(), true, source);
        Map<String, Map<String, Double>> labels = new LinkedHashMap<>();
        JsonNode labelNode = root.get("labelMinimums");
        if (labelNode != null && !labelNode.isNull()) {
            if (!labelNode.isObject()) {
                throw new InvalidInputException(source, 0, "labelMinimums: expected an object of labels");
            }
            Iterator<Map.Entry<String, JsonNode>> it = labelNode.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().isBlank()) {
                    throw new InvalidInputException(source, 0, "labelMinimums: empty label name");
                }
                labels.put(e.getKey(), metricMap(e.getValue(), "labelMinimums." + e.getKey(),
                        MetricNames.labelMetrics(), false, source));
            }
        }
        Map<String, Double> maximums = metricMap(root.get("maximums"), "maximums", MetricNames.summaryMetrics(),
                false, source);
        return new ThresholdPolicy(minimums, drops, labels, maximums, count(root, "minimumImages", source),
                count(root, "minimumAnomalous", source));
    }

    private static Long count(JsonNode root, String key, String source) {
        JsonNode v = root.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber() || v.longValue() < 0) {
            throw new InvalidInputException(source, 0, key + ": expected a whole number of images >= 0, got " + v);
        }
        return v.longValue();
    }

    private static Map<String, Double> metricMap(JsonNode node, String path, Set<String> known, boolean nonNegative,
                                                 String source) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw new InvalidInputException(source, 0, path + ": expected an object of metric names to numbers");
        }
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = path + "." + e.getKey();
            if (!known.contains(e.getKey())) {
                throw new InvalidInputException(source, 0, key + ": unknown metric (known: "
                        + String.join(", ", known) + ")");
            }
            JsonNode v = e.getValue();
            if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
                throw new InvalidInputException(source, 0, key + ": expected a number, got " + v);
            }
            if (nonNegative && v.doubleValue() < 0) {
                throw new InvalidInputException(source, 0, key + ": a drop must not be negative, got " + v);
            }
            out.put(e.getKey(), v.doubleValue());
        }
        return out;
    }

    /**
     * Checks a summary against a policy.
     *
     * @param policy         the policy
     * @param summary        the candidate
     * @param baselineOrNull the baseline for {@code maximumDrops}; drops are not checked without it
     * @return the breaches, in policy order (test-set size, minimums, maximums, drops, labels); empty when the
     *         summary passes
     */
    public static List<Breach> evaluate(ThresholdPolicy policy, Summary summary, Summary baselineOrNull) {
        List<Breach> out = new ArrayList<>();
        insufficient(policy.minimumImages(), "images", summary.metrics().images(), out);
        insufficient(policy.minimumAnomalous(), "anomalous", summary.metrics().anomalous(), out);
        policy.minimums().forEach((metric, min) -> {
            Double actual = MetricNames.value(summary.metrics(), metric);
            if (actual == null) {
                out.add(new Breach(Breach.UNDEFINED, metric, null, null, min, null,
                        metric + " is undefined, minimum " + fmt(min)));
            } else if (actual < min) {
                out.add(new Breach(Breach.MINIMUM, metric, null, actual, min, null,
                        metric + " " + fmt(actual) + " is below the minimum " + fmt(min)));
            }
        });
        policy.maximums().forEach((metric, max) -> {
            Double actual = MetricNames.value(summary.metrics(), metric);
            if (actual == null) {
                // One UNDEFINED breach a metric: a minimum on the same metric has reported it already.
                if (!policy.minimums().containsKey(metric)) {
                    out.add(new Breach(Breach.UNDEFINED, metric, null, null, max, null,
                            metric + " is undefined, maximum " + fmt(max)));
                }
            } else if (actual > max) {
                out.add(new Breach(Breach.MAXIMUM, metric, null, actual, max, null,
                        metric + " " + fmt(actual) + " is above the maximum " + fmt(max)));
            }
        });
        if (baselineOrNull != null) {
            policy.maximumDrops().forEach((metric, maxDrop) -> {
                Double base = MetricNames.value(baselineOrNull.metrics(), metric);
                Double actual = MetricNames.value(summary.metrics(), metric);
                if (base == null) {
                    return;
                }
                if (actual == null) {
                    out.add(new Breach(Breach.UNDEFINED, metric, null, null, maxDrop, base,
                            metric + " is undefined, baseline " + fmt(base)));
                } else if (base - actual > maxDrop + EPSILON) {
                    out.add(new Breach(Breach.REGRESSION, metric, null, actual, maxDrop, base,
                            metric + " dropped by " + fmt(base - actual) + " from " + fmt(base) + " to "
                                    + fmt(actual) + ", more than the allowed " + fmt(maxDrop)));
                }
            });
        }
        labelBreaches(policy, summary, out);
        return out;
    }

    private static void insufficient(Long minimum, String metric, long actual, List<Breach> out) {
        if (minimum != null && actual < minimum) {
            out.add(new Breach(Breach.INSUFFICIENT_DATA, metric, null, (double) actual, (double) minimum, null,
                    "only " + actual + " " + (metric.equals("images") ? "test images" : "anomalous test images")
                            + ", fewer than the " + minimum + " the policy asks for: the figures are too uncertain "
                            + "to judge"));
        }
    }

    private static void labelBreaches(ThresholdPolicy policy, Summary summary, List<Breach> out) {
        Map<String, LabelMetrics> labels = new LinkedHashMap<>();
        if (summary.labels() != null) {
            summary.labels().forEach(l -> labels.put(l.name(), l));
        }
        // Rules apply to the labels the model has: one policy can serve many projects (a default policy naming
        // "scratch" must not fail a project without that label), so a named label that is absent is no breach.
        Map<String, Double> any = policy.labelMinimums().getOrDefault(ANY_LABEL, Map.of());
        for (LabelMetrics label : labels.values()) {
            Map<String, Double> rules = new LinkedHashMap<>(any);
            rules.putAll(policy.labelMinimums().getOrDefault(label.name(), Map.of()));
            rules.forEach((metric, min) -> {
                Double actual = MetricNames.value(label, metric);
                if (actual == null) {
                    out.add(new Breach(Breach.UNDEFINED, metric, label.name(), null, min, null,
                            "label " + label.name() + ": " + metric + " is undefined, minimum " + fmt(min)));
                } else if (actual < min) {
                    out.add(new Breach(Breach.LABEL_MINIMUM, metric, label.name(), actual, min, null,
                            "label " + label.name() + ": " + metric + " " + fmt(actual) + " is below the minimum "
                                    + fmt(min)));
                }
            });
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
