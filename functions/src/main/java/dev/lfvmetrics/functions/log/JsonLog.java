package dev.lfvmetrics.functions.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lfvmetrics.contracts.MetricNames;
import dev.lfvmetrics.core.json.Json;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny structured logger: one JSON object per line on standard output (which Lambda ships to CloudWatch Logs),
 * carrying the invocation's context (request id, event id) so a line can be traced to the event that caused it.
 * Counters are written in CloudWatch Embedded Metric Format, so no metrics client or call is needed.
 */
public final class JsonLog {

    /** Namespace of the metrics emitted through {@link #count}. */
    public static final String NAMESPACE = MetricNames.NAMESPACE;

    private static final int MAX_TRACE = 4000;

    private static final ThreadLocal<Map<String, String>> CONTEXT = ThreadLocal.withInitial(LinkedHashMap::new);

    // Null: standard output (looked up per line), as on Lambda. The local mode sends the lines to a file instead, so
    // its console shows results and alerts.
    private static volatile PrintStream sink;

    private final String logger;

    private JsonLog(String logger) {
        this.logger = logger;
    }

    /**
     * A logger named for a class.
     *
     * @param type the class
     * @return the logger
     */
    public static JsonLog of(Class<?> type) {
        return new JsonLog(type.getSimpleName());
    }

    /**
     * A logger with a library's own name (the SLF4J bridge).
     *
     * @param name the logger's name
     * @return the logger
     */
    static JsonLog named(String name) {
        return new JsonLog(name);
    }

    /**
     * Sends every following line to another stream instead of standard output.
     *
     * @param stream where log lines go; null for standard output again
     */
    public static void writeTo(PrintStream stream) {
        sink = stream;
    }

    /**
     * Starts an invocation's context, replacing the previous one.
     *
     * @param requestId the Lambda request id, may be null
     * @param eventId   the event's own id, may be null
     */
    public static void begin(String requestId, String eventId) {
        Map<String, String> context = CONTEXT.get();
        context.clear();
        if (requestId != null) {
            context.put("requestId", requestId);
        }
        if (eventId != null) {
            context.put("eventId", eventId);
        }
    }

    /**
     * Adds a field to every following line of this invocation.
     *
     * @param key   field name
     * @param value field value
     */
    public static void put(String key, String value) {
        if (value != null) {
            CONTEXT.get().put(key, value);
        }
    }

    /**
     * @param message what happened
     * @param fields  extra fields, alternating name and value
     */
    public void info(String message, Object... fields) {
        write("INFO", message, null, fields);
    }

    /**
     * @param message what happened
     * @param fields  extra fields, alternating name and value
     */
    public void warn(String message, Object... fields) {
        write("WARN", message, null, fields);
    }

    /**
     * @param message what happened
     * @param error   the cause, its stack trace goes to the log only
     * @param fields  extra fields, alternating name and value
     */
    public void error(String message, Throwable error, Object... fields) {
        write("ERROR", message, error, fields);
    }

    /**
     * Counts one occurrence of a named metric with one dimension, in Embedded Metric Format.
     *
     * @param metric         metric name
     * @param dimension      dimension name
     * @param dimensionValue dimension value
     */
    public void count(String metric, String dimension, String dimensionValue) {
        ObjectNode line = Json.mapper().createObjectNode();
        ObjectNode aws = line.putObject("_aws");
        aws.put("Timestamp", Instant.now().toEpochMilli());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        directive.putArray("Dimensions").addArray().add(dimension);
        directive.putArray("Metrics").addObject().put("Name", metric).put("Unit", "Count");
        line.put(dimension, dimensionValue);
        line.put(metric, 1);
        line.put("logger", logger);
        CONTEXT.get().forEach(line::put);
        emit(line);
    }

    private void write(String level, String message, Throwable error, Object... fields) {
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("timestamp", Instant.now().toString());
        line.put("level", level);
        line.put("logger", logger);
        line.put("message", message);
        CONTEXT.get().forEach(line::put);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            Object value = fields[i + 1];
            if (value instanceof Integer || value instanceof Long) {
                line.put(String.valueOf(fields[i]), ((Number) value).longValue());
            } else if (value instanceof Number number) {
                line.put(String.valueOf(fields[i]), number.doubleValue());
            } else if (value instanceof List<?> || value instanceof Map<?, ?>) {
                line.set(String.valueOf(fields[i]), Json.mapper().valueToTree(value));
            } else {
                line.put(String.valueOf(fields[i]), value == null ? null : String.valueOf(value));
            }
        }
        if (error != null) {
            line.put("errorType", error.getClass().getName());
            line.put("errorMessage", error.getMessage());
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            String text = trace.toString();
            line.put("stackTrace", text.length() > MAX_TRACE ? text.substring(0, MAX_TRACE) + "..." : text);
        }
        emit(line);
    }

    private static void emit(ObjectNode line) {
        try {
            PrintStream target = sink;
            (target == null ? System.out : target).println(Json.mapper().writeValueAsString(line));
        } catch (JsonProcessingException e) {
            // A tree of plain values always serialises; reaching this is a programming error worth surfacing.
            throw new IllegalStateException("log line could not be written", e);
        }
    }
}
