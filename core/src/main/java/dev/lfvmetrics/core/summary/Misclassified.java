package dev.lfvmetrics.core.summary;

import java.util.List;

/**
 * The images the model got wrong, most confident mistakes first.
 *
 * @param total     how many images were misclassified in all
 * @param truncated whether {@code images} holds fewer than {@code total}
 * @param images    the most confident mistakes, capped
 */
public record Misclassified(long total, boolean truncated, List<ImageResult> images) {
}
