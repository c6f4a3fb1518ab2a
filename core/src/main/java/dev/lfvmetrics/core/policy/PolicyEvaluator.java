package dev.lfvmetrics.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lfvmetrics.core.compare.PairedComparison;
import dev.lfvmetrics.core.compare.PairedTests;
import dev.lfvmetrics.core.error.InvalidInputException;
import dev.lfvmetrics.core.evaluate.EvaluationOptions;
import dev.lfvmetrics.core.format.Formats;
import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.core.stats.IntervalEstimator;
import dev.lfvmetrics.core.summary.Curves;
import dev.lfvmetrics.core.summary.ImageResult;
import dev.lfvmetrics.core.summary.Intervals;
import dev.lfvmetrics.core.summary.LabelMetrics;
import dev.lfvmetrics.core.summary.Summary;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
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

    private static final List<String> KEY_ORDER = List.of("minimums", "maximums", "maximumDrops",
            "maximumRelativeDrops", "regression", "operatingPoints", "labelMinimums", "minimumImages",
            "minimumAnomalous");
    private static final List<String> REGRESSION_KEYS = List.of("mode", "level");
    private static final List<String> OPERATING_POINT_KEYS = List.of(OperatingPointRules.PRECISION_AT_RECALL,
            OperatingPointRules.RECALL_AT_FALSE_POSITIVE_RATE);
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
        Map<String, Double> relative = metricMap(root.get("maximumRelativeDrops"), "maximumRelativeDrops",
                MetricNames.summaryMetrics(), true, source);
        return new ThresholdPolicy(minimums, drops, labels, maximums, count(root, "minimumImages", source),
                count(root, "minimumAnomalous", source), relative, regression(root.get("regression"), source),
                operatingPoints(root.get("operatingPoints"), source));
    }

    private static void onlyKeys(JsonNode node, String path, List<String> keys, String source) {
        if (!node.isObject()) {
            throw new InvalidInputException(source, 0, path + ": expected an object with " + String.join(", ", keys));
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!keys.contains(key)) {
                throw new InvalidInputException(source, 0, path + ": unknown key \"" + key + "\" (expected "
                        + String.join(", ", keys) + ")");
            }
        }
    }

    private static RegressionRule regression(JsonNode node, String source) {
        if (node == null || node.isNull()) {
            return RegressionRule.defaults();
        }
        onlyKeys(node, "regression", REGRESSION_KEYS, source);
        JsonNode mode = node.get("mode");
        String m = RegressionRule.SIGNIFICANT;
        if (mode != null && !mode.isNull()) {
            if (!mode.isTextual() || !List.of(RegressionRule.SIGNIFICANT, RegressionRule.ANY).contains(mode.asText())) {
                throw new InvalidInputException(source, 0, "regression.mode: expected \"" + RegressionRule.SIGNIFICANT
                        + "\" or \"" + RegressionRule.ANY + "\", got " + mode);
            }
            m = mode.asText();
        }
        JsonNode level = node.get("level");
        double l = RegressionRule.DEFAULT_LEVEL;
        if (level != null && !level.isNull()) {
            if (!level.isNumber() || !EvaluationOptions.isIntervalLevel(level.doubleValue())) {
                throw new InvalidInputException(source, 0, "regression.level: expected a confidence level between 0 "
                        + "and 1 (exclusive), e.g. 0.95, got " + level);
            }
            l = level.doubleValue();
        }
        return new RegressionRule(m, l);
    }

    private static OperatingPointRules operatingPoints(JsonNode node, String source) {
        if (node == null || node.isNull()) {
            return OperatingPointRules.none();
        }
        onlyKeys(node, "operatingPoints", OPERATING_POINT_KEYS, source);
        return new OperatingPointRules(
                rates(node.get(OperatingPointRules.PRECISION_AT_RECALL), OperatingPointRules.PRECISION_AT_RECALL,
                        source),
                rates(node.get(OperatingPointRules.RECALL_AT_FALSE_POSITIVE_RATE),
                        OperatingPointRules.RECALL_AT_FALSE_POSITIVE_RATE, source));
    }

    private static Map<Double, Double> rates(JsonNode node, String name, String source) {
        Map<Double, Double> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        String path = "operatingPoints." + name;
        if (!node.isObject()) {
            throw new InvalidInputException(source, 0, path + ": expected an object of rates to minimums, e.g. "
                    + "{\"0.95\": 0.7}");
        }
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = path + "." + e.getKey();
            double rate;
            try {
                rate = Double.parseDouble(e.getKey());
            } catch (NumberFormatException ex) {
                rate = Double.NaN;
            }
            if (!(rate >= 0 && rate <= 1)) {
                throw new InvalidInputException(source, 0, key + ": the key must be a rate between 0 and 1, e.g. "
                        + "\"0.95\"");
            }
            JsonNode v = e.getValue();
            if (!v.isNumber() || !(v.doubleValue() >= 0 && v.doubleValue() <= 1)) {
                throw new InvalidInputException(source, 0, key + ": expected a minimum between 0 and 1, got " + v);
            }
            if (out.put(rate, v.doubleValue()) != null) {
                throw new InvalidInputException(source, 0, key + ": the same rate is given twice");
            }
        }
        return out;
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
     * Checks a summary against a policy without per-image results: drops are judged on their observed size (with
     * the reason they were not tested), operating points only from complete curves.
     *
     * @param policy         the policy
     * @param summary        the candidate
     * @param baselineOrNull the baseline for drops; drops are not checked without it
     * @return the breaches, in policy order; empty when the summary passes
     */
    public static List<Breach> evaluate(ThresholdPolicy policy, Summary summary, Summary baselineOrNull) {
        return judge(policy, summary, baselineOrNull, PerImageResults.NONE).breaches();
    }

    /**
     * Checks a summary against a policy.
     *
     * @param policy         the policy
     * @param summary        the candidate
     * @param baselineOrNull the baseline for drops; drops are not checked without it
     * @param images         per-image results, fetched only when a drop exceeds its limit (for the paired tests)
     *                       or an operating point needs a curve the summary reduced
     * @return breaches in policy order (test-set size, minimums, maximums, drops, relative drops, operating points,
     *         labels) and the inconclusive drops
     */
    public static PolicyJudgement judge(ThresholdPolicy policy, Summary summary, Summary baselineOrNull,
                                        PerImageResults images) {
        List<Breach> out = new ArrayList<>();
        List<Breach> inconclusive = new ArrayList<>();
        insufficient(policy.minimumImages(), "images", summary.metrics().images(), out);
        insufficient(policy.minimumAnomalous(), "anomalous", summary.metrics().anomalous(), out);
        policy.minimums().forEach((metric, min) -> {
            Double actual = MetricNames.value(summary.metrics(), metric);
            Evidence ev = interval(summary, metric);
            if (actual == null) {
                out.add(new Breach(Breach.UNDEFINED, metric, null, null, min, null,
                        metric + " is undefined, minimum " + fmt(min)));
            } else if (actual < min) {
                out.add(new Breach(Breach.MINIMUM, metric, null, actual, min, null,
                        metric + " " + fmt(actual) + within(ev) + " is below the minimum " + fmt(min), ev));
            }
        });
        policy.maximums().forEach((metric, max) -> {
            Double actual = MetricNames.value(summary.metrics(), metric);
            Evidence ev = interval(summary, metric);
            if (actual == null) {
                // One UNDEFINED breach a metric: a minimum on the same metric has reported it already.
                if (!policy.minimums().containsKey(metric)) {
                    out.add(new Breach(Breach.UNDEFINED, metric, null, null, max, null,
                            metric + " is undefined, maximum " + fmt(max)));
                }
            } else if (actual > max) {
                out.add(new Breach(Breach.MAXIMUM, metric, null, actual, max, null,
                        metric + " " + fmt(actual) + within(ev) + " is above the maximum " + fmt(max), ev));
            }
        });
        if (baselineOrNull != null && policy.hasDrops()) {
            Drops drops = new Drops(policy.regression(), summary, baselineOrNull, images, out, inconclusive);
            policy.maximumDrops().forEach((metric, limit) -> drops.check(metric, limit, false));
            policy.maximumRelativeDrops().forEach((metric, limit) -> drops.check(metric, limit, true));
        }
        operatingPoints(policy.operatingPoints(), summary, images, out);
        labelBreaches(policy, summary, out);
        return new PolicyJudgement(out, inconclusive);
    }

    private static Evidence interval(Summary summary, String metric) {
        Intervals intervals = summary.intervals();
        return intervals == null ? null : Evidence.of(intervals.of(metric), intervals.level());
    }

    private static String within(Evidence ev) {
        return ev == null ? "" : " (" + Evidence.levelText(ev.level()) + " interval " + fmt(ev.low()) + " to "
                + fmt(ev.high()) + ")";
    }

    /** The drop rules of one check, sharing one lazily computed set of paired tests. */
    private static final class Drops {

        private final RegressionRule rule;
        private final Summary summary;
        private final Summary baseline;
        private final PerImageResults images;
        private final List<Breach> out;
        private final List<Breach> inconclusive;
        private final Set<String> undefined = new HashSet<>();
        private PairedTests tests;
        private String untested;

        Drops(RegressionRule rule, Summary summary, Summary baseline, PerImageResults images,
                List<Breach> out, List<Breach> inconclusive) {
            this.rule = rule;
            this.summary = summary;
            this.baseline = baseline;
            this.images = images;
            this.out = out;
            this.inconclusive = inconclusive;
        }

        void check(String metric, double limit, boolean relative) {
            Double base = MetricNames.value(baseline.metrics(), metric);
            Double actual = MetricNames.value(summary.metrics(), metric);
            if (base == null) {
                return;
            }
            if (actual == null) {
                if (undefined.add(metric)) {
                    out.add(new Breach(Breach.UNDEFINED, metric, null, null, limit, base,
                            metric + " is undefined, baseline " + fmt(base)));
                }
                return;
            }
            double drop = base - actual;
            if (relative && base <= 0) {
                // Nothing to lose relative to zero.
                return;
            }
            double size = relative ? drop / base : drop;
            if (size <= limit + EPSILON) {
                return;
            }
            String observed = relative
                    ? metric + " dropped by " + fmt(100 * size) + " % from " + fmt(base) + " to " + fmt(actual)
                            + ", more than the allowed " + fmt(100 * limit) + " %"
                    : metric + " dropped by " + fmt(drop) + " from " + fmt(base) + " to " + fmt(actual)
                            + ", more than the allowed " + fmt(limit);
            DropTests.Outcome outcome = test(metric);
            Evidence ev = outcome == null ? Evidence.untested(untested(metric)) : outcome.evidence();
            if (tests != null && !tests.identicalTestSets()) {
                ev = ev.withNote("the test sets differ: tested on the " + tests.pairedImages() + " shared images");
            }
            if (relative) {
                ev = ev.relativeTo(base);
            }
            if (!rule.significant() || outcome == null || outcome.real()) {
                out.add(new Breach(Breach.REGRESSION, metric, null, actual, limit, base, observed + tested(ev), ev));
            } else {
                inconclusive.add(new Breach(Breach.INCONCLUSIVE, metric, null, actual, limit, base, observed
                        + ", but " + tested(ev).substring(2) + " cannot tell it from noise at "
                        + Evidence.levelText(ev.level()) + "; " + detectable(ev, relative), ev));
            }
        }

        private DropTests.Outcome test(String metric) {
            if (tests == null && untested == null) {
                List<ImageResult> b = images.baseline().get();
                List<ImageResult> c = b == null ? null : images.candidate().get();
                if (b == null || c == null) {
                    untested = "not tested: no per-image results of the " + (b == null ? "baseline" : "candidate");
                } else {
                    tests = PairedComparison.of(b, c, rule.level());
                }
            }
            return tests == null ? null : DropTests.of(metric, tests);
        }

        private String untested(String metric) {
            return untested != null ? untested : "not tested: no paired test covers " + metric
                    + (DropTests.BOOTSTRAPPED.contains(metric)
                    ? " (the bootstrap is skipped above " + IntervalEstimator.MAX_BOOTSTRAP_IMAGES + " images)" : "");
        }
    }

    private static String tested(Evidence ev) {
        return switch (ev.method()) {
            case Evidence.MCNEMAR -> "; McNemar p = " + Evidence.pValueText(ev.pValue()) + " (" + ev.baseOnlyRight()
                    + " images right only before, " + ev.candidateOnlyRight() + " only now)";
            case Evidence.PAIRED_DELONG -> "; paired DeLong p = " + Evidence.pValueText(ev.pValue()) + ", difference "
                    + fmt(ev.low()) + " to " + fmt(ev.high());
            case Evidence.PAIRED_BOOTSTRAP -> "; paired bootstrap: difference " + fmt(ev.low()) + " to "
                    + fmt(ev.high());
            default -> "; " + ev.note();
        };
    }

    private static String detectable(Evidence ev, boolean relative) {
        if (ev.smallestDetectableDrop() == null) {
            return "these " + ev.images() + " images could not show any drop as real";
        }
        return "the smallest drop these " + ev.images() + " images could show as real is "
                + (relative ? fmt(100 * ev.smallestDetectableDrop()) + " %" : fmt(ev.smallestDetectableDrop()));
    }

    private static void operatingPoints(OperatingPointRules rules, Summary summary, PerImageResults images,
                                        List<Breach> out) {
        if (rules.isEmpty()) {
            return;
        }
        Curves curves = OperatingPoints.complete(summary);
        if (curves == null) {
            List<ImageResult> c = images.candidate().get();
            curves = c == null ? null : OperatingPoints.of(c);
        }
        Curves found = curves;
        rules.precisionAtRecall().forEach((recall, min) -> operatingPoint(OperatingPointRules.PRECISION_AT_RECALL,
                "precision at recall " + fmt(recall), recall, min, found == null ? null
                        : OperatingPoints.precisionAtRecall(found, recall), found == null, out));
        rules.recallAtFalsePositiveRate().forEach((rate, min) -> operatingPoint(
                OperatingPointRules.RECALL_AT_FALSE_POSITIVE_RATE, "recall at false-positive rate " + fmt(rate),
                rate, min, found == null ? null : OperatingPoints.recallAtFalsePositiveRate(found, rate),
                found == null, out));
    }

    private static void operatingPoint(String metric, String what, double at, double min, OperatingPoints.Point p,
                                       boolean noCurve, List<Breach> out) {
        Evidence ev = Evidence.operatingPoint(at, p == null ? null : p.threshold());
        if (p == null) {
            out.add(new Breach(Breach.UNDEFINED, metric, null, null, min, null, "best " + what + " is undefined ("
                    + (noCurve ? "the summary's curves are reduced and there are no per-image results"
                    : "the test set lacks a class") + "), minimum " + fmt(min), ev));
        } else if (p.value() < min) {
            out.add(new Breach(Breach.OPERATING_POINT, metric, null, p.value(), min, null, "best " + what + " is "
                    + fmt(p.value()) + " (threshold " + fmt(p.threshold()) + "), below the minimum " + fmt(min), ev));
        }
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
