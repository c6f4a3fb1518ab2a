package dev.lfvmetrics.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.lfvmetrics.core.error.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The one configured Jackson mapper of the project, so that every module writes and reads the summary document
 * the same way: unknown keys are tolerated (documents gain fields over time), nulls are written (an undefined
 * ratio is JSON {@code null}, a contract of the summary document).
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private Json() {
    }

    /**
     * The shared mapper. Thread-safe once configured; do not reconfigure it.
     *
     * @return the mapper
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * The mapper's factory, for streaming parsers.
     *
     * @return the JSON factory
     */
    public static JsonFactory factory() {
        return MAPPER.getFactory();
    }

    /**
     * Reads one JSON document, turning broken JSON into an error naming the source and line.
     *
     * @param in     the document; not closed
     * @param source file or URI, for messages
     * @return the document's root, never {@code null} or missing
     * @throws InvalidInputException for broken JSON, an unreadable stream or an empty document
     */
    public static JsonNode readTree(InputStream in, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            throw new InvalidInputException(source, line, "broken JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidInputException(source, 0, "cannot read (" + e.getClass().getSimpleName() + ")", e);
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidInputException(source, 0, "empty document");
        }
        return root;
    }
}
