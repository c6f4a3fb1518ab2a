package dev.lfvmetrics.core.policy;

import dev.lfvmetrics.core.summary.LabelMetrics;
import dev.lfvmetrics.core.summary.Metrics;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The numeric metrics a policy or a comparison can name, read off the summary records so that a metric added to
 * {@link Metrics} or {@link LabelMetrics} is known everywhere at once.
 */
public final class MetricNames {

    private static final Map<String, RecordComponent> SUMMARY = numericComponents(Metrics.class);
    private static final Map<String, RecordComponent> LABEL = numericComponents(LabelMetrics.class);

    private MetricNames() {
    }

    private static Map<String, RecordComponent> numericComponents(Class<? extends Record> type) {
        Map<String, RecordComponent> out = new LinkedHashMap<>();
        for (RecordComponent c : type.getRecordComponents()) {
            Class<?> t = c.getType();
            if (t == long.class || t == int.class || t == double.class || Number.class.isAssignableFrom(t)) {
                out.put(c.getName(), c);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Names usable in {@code minimums} and {@code maximumDrops}, in record order.
     *
     * @return the names
     */
    public static Set<String> summaryMetrics() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(SUMMARY.keySet()));
    }

    /**
     * Names usable in {@code labelMinimums}, in record order.
     *
     * @return the names
     */
    public static Set<String> labelMetrics() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(LABEL.keySet()));
    }

    /**
     * Whether a metric is a count (a whole number) rather than a ratio.
     *
     * @param name a summary or label metric name
     * @return true for counts such as {@code images} or {@code groundTruthImages}
     */
    public static boolean isCount(String name) {
        RecordComponent c = SUMMARY.containsKey(name) ? SUMMARY.get(name) : LABEL.get(name);
        return c != null && (c.getType() == long.class || c.getType() == int.class);
    }

    /**
     * A summary metric's value.
     *
     * @param metrics the metrics, may be {@code null}
     * @param name    a name from {@link #summaryMetrics()}
     * @return the value, {@code null} when undefined
     */
    public static Double value(Metrics metrics, String name) {
        return read(SUMMARY, metrics, name);
    }

    /**
     * A label metric's value.
     *
     * @param label the label's figures, may be {@code null}
     * @param name  a name from {@link #labelMetrics()}
     * @return the value, {@code null} when undefined
     */
    public static Double value(LabelMetrics label, String name) {
        return read(LABEL, label, name);
    }

    private static Double read(Map<String, RecordComponent> components, Object target, String name) {
        RecordComponent c = components.get(name);
        if (c == null) {
            throw new IllegalArgumentException("unknown metric " + name);
        }
        if (target == null) {
            return null;
        }
        try {
            Object v = c.getAccessor().invoke(target);
            return v == null ? null : ((Number) v).doubleValue();
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read record component " + name, e);
        }
    }
}
