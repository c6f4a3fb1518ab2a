package dev.lfvmetrics.core.masks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lfvmetrics.core.summary.MaskLine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One mask block's {@code internal-color-map}: which RGB colour is which label. Entries may name the label under
 * {@code class-name} or {@code name}, write the colour in either case, with or without {@code #}; entry {@code 0}
 * may be BACKGROUND, a label, or missing. An entry named BACKGROUND (any case) is background; when none is,
 * white ({@code #ffffff}, the service's background) is background unless a label claims it.
 */
final class ColorMap {

    /** Index of background pixels. */
    static final short BACKGROUND = -1;
    /** Index of pixels whose colour no entry names. */
    static final short UNMAPPED = -2;

    private static final int WHITE = 0xFFFFFF;

    private final Map<Integer, Short> byColour;
    private final List<MaskLine.LegendEntry> legend;

    private ColorMap(Map<Integer, Short> byColour, List<MaskLine.LegendEntry> legend) {
        this.byColour = byColour;
        this.legend = List.copyOf(legend);
    }

    /**
     * @param map    the {@code internal-color-map} object
     * @param labels the evaluation's labels, which new names join
     * @param where  e.g. {@code anomaly-mask-ref-metadata.internal-color-map}, for messages
     * @return the map
     * @throws IllegalArgumentException naming the entry when a colour or name is unusable
     */
    static ColorMap of(JsonNode map, LabelIndex labels, String where) {
        Map<Integer, Short> byColour = new HashMap<>();
        List<MaskLine.LegendEntry> legend = new ArrayList<>();
        boolean background = false;
        if (map != null && map.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = map.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode entry = e.getValue();
                String name = entry.path("class-name").isTextual() ? entry.path("class-name").asText()
                        : entry.path("name").asText(null);
                if (name == null || name.isBlank()) {
                    throw new IllegalArgumentException(where + "." + e.getKey() + ": no class-name or name");
                }
                int rgb = colour(entry.path("hex-color").asText(null), where + "." + e.getKey());
                boolean isBackground = name.trim().equalsIgnoreCase("BACKGROUND");
                background |= isBackground;
                byColour.put(rgb, isBackground ? BACKGROUND : labels.indexOf(name));
                if (!isBackground) {
                    legend.add(new MaskLine.LegendEntry(name.trim(), hex(rgb)));
                }
            }
        }
        if (!background) {
            byColour.putIfAbsent(WHITE, BACKGROUND);
        }
        return new ColorMap(byColour, legend);
    }

    /** @return the labels of the map and their colours, in the map's order */
    List<MaskLine.LegendEntry> legend() {
        return legend;
    }

    /**
     * @param rgb a pixel's colour, alpha ignored
     * @return its label index, {@link #BACKGROUND} or {@link #UNMAPPED}
     */
    short label(int rgb) {
        Short index = byColour.get(rgb & 0xFFFFFF);
        return index == null ? UNMAPPED : index;
    }

    static int colour(String hex, String where) {
        String digits = hex == null ? "" : hex.trim().toLowerCase(Locale.ROOT).replaceFirst("^#", "");
        if (digits.length() == 3) {
            digits = "" + digits.charAt(0) + digits.charAt(0) + digits.charAt(1) + digits.charAt(1)
                    + digits.charAt(2) + digits.charAt(2);
        }
        if (!digits.matches("[0-9a-f]{6}")) {
            throw new IllegalArgumentException(where + ": hex-color " + (hex == null ? "is missing" : "'" + hex
                    + "' is not a colour such as #2ca02c"));
        }
        return Integer.parseInt(digits, 16);
    }

    static String hex(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb & 0xFFFFFF);
    }
}
