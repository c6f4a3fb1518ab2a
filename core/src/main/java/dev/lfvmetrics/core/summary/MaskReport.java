package dev.lfvmetrics.core.summary;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What reading the masks found ({@code masks} of the summary; null when the masks were not read).
 *
 * @param linesWithMasks    manifest lines with a mask block
 * @param masksRead         mask files decoded
 * @param unmappedPixels    pixels whose colour no colour map of their line names (neither a label nor background)
 * @param unmapped          where they are: up to {@link #MAX_LISTED} (line, file, colour, pixels), file order
 * @param unmappedTruncated whether more were found than listed
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MaskReport(long linesWithMasks, long masksRead, long unmappedPixels, List<UnmappedColour> unmapped,
                         boolean unmappedTruncated) {

    /** How many unmapped colours are listed. */
    public static final int MAX_LISTED = 50;

    /** Copies the list. */
    public MaskReport {
        unmapped = List.copyOf(unmapped);
    }

    /**
     * A colour of a mask that its line's colour map does not name.
     *
     * @param line   manifest line (1-based)
     * @param file   the mask's reference
     * @param colour {@code #rrggbb}
     * @param pixels how many pixels have it
     */
    public record UnmappedColour(long line, String file, String colour, long pixels) {
    }
}
