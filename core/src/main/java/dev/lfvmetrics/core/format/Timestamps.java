package dev.lfvmetrics.core.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Normalises the service's timestamps to ISO-8601 instants. The API gives epoch seconds with a fraction, the AWS CLI
 * prints ISO date-times with an offset, the evaluation result has a UTC date-time without a zone.
 */
public final class Timestamps {

    private Timestamps() {
    }

    /**
     * Converts epoch seconds with a fraction to an ISO-8601 instant, to the millisecond.
     *
     * @param epochSeconds seconds since the epoch, e.g. {@code 1606581265.586}
     * @return e.g. {@code 2020-11-28T16:34:25.586Z}
     */
    public static String fromEpochSeconds(BigDecimal epochSeconds) {
        BigDecimal millis = epochSeconds.movePointRight(3).setScale(0, RoundingMode.HALF_UP);
        return Instant.ofEpochMilli(millis.longValueExact()).toString();
    }

    /**
     * Normalises a textual timestamp: ISO instant, ISO date-time with offset, ISO local date-time (taken as UTC) or
     * epoch seconds as text.
     *
     * @param text the timestamp as given
     * @return ISO-8601 instant, or {@code null} when the text is none of those forms
     */
    public static String fromText(String text) {
        String t = text.trim();
        try {
            return Instant.parse(t).toString();
        } catch (DateTimeParseException notInstant) {
            // fall through to the next accepted form
        }
        try {
            return OffsetDateTime.parse(t).toInstant().toString();
        } catch (DateTimeParseException notOffset) {
            // fall through
        }
        try {
            return LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toString();
        } catch (DateTimeParseException notLocal) {
            // fall through
        }
        try {
            return fromEpochSeconds(new BigDecimal(t));
        } catch (NumberFormatException | ArithmeticException notNumber) {
            return null;
        }
    }
}
