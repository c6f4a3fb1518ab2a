package dev.lfvmetrics.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

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
}
