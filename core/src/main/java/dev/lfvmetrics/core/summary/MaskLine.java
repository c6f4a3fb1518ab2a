package dev.lfvmetrics.core.summary;

import java.util.List;

/**
 * One manifest line's masks as the dashboard shows them: the references and each colour map's legend. The
 * pipeline stores one per line with masks ({@code masks.jsonl} beside {@code images.jsonl}).
 *
 * @param line            manifest line (1-based), as in {@link ImageResult#line()}
 * @param truthRef        the ground-truth mask's reference, null when the line has none (all background)
 * @param truthLegend     the labels of its colour map and their colours
 * @param predictedRef    the predicted mask's reference, null when none
 * @param predictedLegend the labels of the predicted mask's colour map and their colours
 */
public record MaskLine(long line, String truthRef, List<LegendEntry> truthLegend, String predictedRef,
                       List<LegendEntry> predictedLegend) {

    /** Copies the lists. */
    public MaskLine {
        truthLegend = List.copyOf(truthLegend);
        predictedLegend = List.copyOf(predictedLegend);
    }

    /**
     * A label and its colour in a mask.
     *
     * @param label  the label's name
     * @param colour {@code #rrggbb}, lower case
     */
    public record LegendEntry(String label, String colour) {
    }
}
