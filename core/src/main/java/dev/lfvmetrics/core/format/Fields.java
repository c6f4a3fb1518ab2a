package dev.lfvmetrics.core.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lfvmetrics.core.error.InvalidInputException;
import java.util.Iterator;
import java.util.Map;

/**
 * Typed, tolerant access to a JSON document's members: a missing or {@code null} member is {@code null}, a member of
 * the wrong type is an error naming its path. Names match exactly first, then ignoring case.
 */
final class Fields {

    private final String source;

    Fields(String source) {
        this.source = source;
    }

    JsonNode child(JsonNode parent, String name) {
        if (parent == null || !parent.isObject()) {
            return null;
        }
        JsonNode exact = parent.get(name);
        if (exact != null) {
            return exact.isNull() ? null : exact;
        }
        Iterator<Map.Entry<String, JsonNode>> it = parent.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue().isNull() ? null : e.getValue();
            }
        }
        return null;
    }

    JsonNode object(JsonNode parent, String name, String path) {
        JsonNode n = child(parent, name);
        if (n != null && !n.isObject()) {
            throw wrongType(path, "an object", n);
        }
        return n;
    }

    String text(JsonNode parent, String name, String path) {
        JsonNode n = child(parent, name);
        if (n == null) {
            return null;
        }
        if (n.isTextual() || n.isNumber() || n.isBoolean()) {
            return n.asText();
        }
        throw wrongType(path, "a string", n);
    }

    Double number(JsonNode parent, String name, String path) {
        JsonNode n = child(parent, name);
        if (n == null) {
            return null;
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        throw wrongType(path, "a number", n);
    }

    Integer integer(JsonNode parent, String name, String path) {
        JsonNode n = child(parent, name);
        if (n == null) {
            return null;
        }
        if (n.isIntegralNumber() && n.canConvertToInt()) {
            return n.intValue();
        }
        if (n.isNumber() && n.doubleValue() == Math.rint(n.doubleValue())) {
            return (int) n.doubleValue();
        }
        throw wrongType(path, "a whole number", n);
    }

    String timestamp(JsonNode parent, String name, String path, boolean keepUnparsed) {
        JsonNode n = child(parent, name);
        if (n == null) {
            return null;
        }
        if (n.isNumber()) {
            return Timestamps.fromEpochSeconds(n.decimalValue());
        }
        if (n.isTextual()) {
            String iso = Timestamps.fromText(n.asText());
            if (iso != null) {
                return iso;
            }
            if (keepUnparsed) {
                return n.asText();
            }
        }
        throw wrongType(path, "a timestamp (epoch seconds or ISO-8601)", n);
    }

    InvalidInputException wrongType(String path, String expected, JsonNode actual) {
        String shown = actual.toString();
        if (shown.length() > 60) {
            shown = shown.substring(0, 57) + "...";
        }
        return new InvalidInputException(source, 0, path + ": expected " + expected + ", got " + shown);
    }
}
