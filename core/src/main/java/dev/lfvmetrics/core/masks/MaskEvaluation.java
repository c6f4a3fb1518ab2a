package dev.lfvmetrics.core.masks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lfvmetrics.core.error.InvalidInputException;
import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.core.summary.LabelMetrics;
import dev.lfvmetrics.core.summary.MaskFigures;
import dev.lfvmetrics.core.summary.MaskLine;
import dev.lfvmetrics.core.summary.MaskReport;
import dev.lfvmetrics.core.summary.Summary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Per-label segmentation figures from the mask PNGs themselves: reads the evaluation manifest again, finds each
 * line's ground-truth and predicted mask blocks by their metadata {@code type} (the {@code -detected} suffix marks
 * the prediction), decodes the two masks through each block's colour map and counts, per label, the pixels in the
 * truth, in the prediction and in both. One line's pair of masks is decoded per worker; at most two lines per
 * worker are in flight, so memory stays bounded by the mask size, not the test set. Errors are reported in file
 * order, each naming the line and the file.
 */
public final class MaskEvaluation {

    private static final String METADATA = "-metadata";
    private static final String DETECTED = "-detected";

    private final MaskSource source;
    private final int threads;

    /**
     * @param source  where the PNGs are
     * @param threads masks decoded in parallel (network reads overlap; each holds one pair of masks)
     */
    public MaskEvaluation(MaskSource source, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.source = source;
        this.threads = threads;
    }

    /**
     * @param summary        the evaluation of the same manifest
     * @param manifest       the evaluation manifest; not closed
     * @param manifestSource its path or URI, for messages
     * @return the summary with {@code labels[i].fromMasks} and {@code masks}
     * @throws InvalidInputException naming the line and the file of the first mask that cannot be used
     */
    public Summary apply(Summary summary, InputStream manifest, String manifestSource) {
        return apply(summary, manifest, manifestSource, line -> { });
    }

    /**
     * @param summary        the evaluation of the same manifest
     * @param manifest       the evaluation manifest; not closed
     * @param manifestSource its path or URI, for messages
     * @param lines          receives each line's masks (references and legends) in file order
     * @return the summary with {@code labels[i].fromMasks} and {@code masks}
     * @throws InvalidInputException naming the line and the file of the first mask that cannot be used
     */
    public Summary apply(Summary summary, InputStream manifest, String manifestSource, Consumer<MaskLine> lines) {
        LabelIndex labels = new LabelIndex();
        Tally tally = new Tally();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "mask-reader");
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Future<Pair>> inFlight = new ArrayDeque<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(manifest, StandardCharsets.UTF_8))) {
            long lineNumber = 0;
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                lineNumber++;
                if (text.isBlank()) {
                    continue;
                }
                Line line = Line.of(tree(text, manifestSource, lineNumber), lineNumber, manifestSource, labels);
                if (line == null) {
                    continue;
                }
                lines.accept(line.describe());
                tally.linesWithMasks++;
                inFlight.add(pool.submit(() -> line.read(source, manifestSource)));
                if (inFlight.size() >= 2 * threads) {
                    tally.add(take(inFlight), labels.size());
                }
            }
            while (!inFlight.isEmpty()) {
                tally.add(take(inFlight), labels.size());
            }
        } catch (IOException e) {
            throw new InvalidInputException(manifestSource, 0, "cannot read (" + e.getClass().getSimpleName() + ")",
                    e);
        } finally {
            inFlight.forEach(f -> f.cancel(true));
            pool.shutdownNow();
        }
        return summary.withMasks(merge(summary.labels(), labels, tally), new MaskReport(tally.linesWithMasks,
                tally.masksRead, tally.unmappedPixels, tally.unmapped, tally.unmappedTruncated));
    }

    private static JsonNode tree(String text, String source, long line) {
        try {
            return Json.mapper().readTree(text.strip().replace("\uFEFF", ""));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(source, line, "broken JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Pair take(ArrayDeque<Future<Pair>> inFlight) {
        try {
            return inFlight.poll().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("mask reading failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading masks", e);
        }
    }

    private static List<LabelMetrics> merge(List<LabelMetrics> reported, LabelIndex labels, Tally tally) {
        Map<String, LabelMetrics> byName = new LinkedHashMap<>();
        if (reported != null) {
            reported.forEach(l -> byName.put(l.name(), l));
        }
        TreeMap<String, Integer> fromMasks = new TreeMap<>();
        for (int i = 0; i < labels.size(); i++) {
            fromMasks.put(labels.name(i), i);
        }
        List<LabelMetrics> out = new ArrayList<>();
        for (LabelMetrics l : byName.values()) {
            Integer i = fromMasks.get(l.name());
            out.add(l.withMasks(tally.figures(i == null ? -1 : i, l)));
        }
        fromMasks.forEach((name, i) -> {
            if (!byName.containsKey(name)) {
                out.add(new LabelMetrics(name, tally.at(tally.truthImages, i), tally.at(tally.predictedImages, i),
                        null, null, null, null, tally.figures(i, null)));
            }
        });
        return out;
    }

    /** A line's mask references and colour maps; null fields are masks the line does not have (background). */
    private record Line(long number, String truthRef, ColorMap truthMap, String predictedRef,
                        ColorMap predictedMap) {

        /** @return the line's masks, or null for a line without any mask block */
        static Line of(JsonNode root, long number, String source, LabelIndex labels) {
            if (!root.isObject()) {
                throw new InvalidInputException(source, number, "a manifest line must be a JSON object");
            }
            String truthRef = null;
            String predictedRef = null;
            ColorMap truthMap = null;
            ColorMap predictedMap = null;
            Boolean truthAnomalous = null;
            Boolean predictedAnomalous = null;
            boolean masks = false;
            Iterator<Map.Entry<String, JsonNode>> it = root.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().endsWith(METADATA) || !e.getValue().isObject()) {
                    continue;
                }
                String refKey = e.getKey().substring(0, e.getKey().length() - METADATA.length());
                boolean detected = refKey.endsWith(DETECTED);
                JsonNode meta = e.getValue();
                String type = meta.path("type").asText("");
                if (type.contains("semantic-segmentation") || type.isEmpty() && meta.has("internal-color-map")) {
                    masks = true;
                    ColorMap map;
                    try {
                        map = ColorMap.of(meta.get("internal-color-map"), labels, e.getKey() + ".internal-color-map");
                    } catch (IllegalArgumentException bad) {
                        throw new InvalidInputException(source, number, bad.getMessage());
                    }
                    String ref = root.path(refKey).isTextual() ? root.path(refKey).asText() : null;
                    if (ref == null) {
                        ref = "";
                    }
                    if (detected) {
                        predictedRef = ref;
                        predictedMap = map;
                    } else {
                        truthRef = ref;
                        truthMap = map;
                    }
                } else if (type.contains("image-classification") || meta.has("class-name")) {
                    boolean anomaly = "anomaly".equalsIgnoreCase(meta.path("class-name").asText("").trim());
                    if (detected) {
                        predictedAnomalous = anomaly;
                    } else {
                        truthAnomalous = anomaly;
                    }
                }
            }
            if (!masks) {
                return null;
            }
            return new Line(number, side(truthRef, truthAnomalous, source, number, "ground-truth",
                    "anomaly-mask-ref"), truthMap, side(predictedRef, predictedAnomalous, source, number,
                    "predicted", "anomaly-mask-ref-detected"), predictedMap);
        }

        /** The reference to read, or null for a side that is all background; an anomalous side needs a mask. */
        private static String side(String ref, Boolean anomalous, String source, long number, String what,
                                   String key) {
            boolean hasRef = ref != null && !ref.isBlank();
            if (!hasRef && Boolean.TRUE.equals(anomalous)) {
                throw new InvalidInputException(source, number, "the image is " + (what.equals("predicted")
                        ? "predicted anomalous" : "anomalous") + " but names no " + what + " mask (" + key + ")");
            }
            return hasRef ? ref : null;
        }

        MaskLine describe() {
            return new MaskLine(number, truthRef, truthMap == null ? List.of() : truthMap.legend(), predictedRef,
                    predictedMap == null ? List.of() : predictedMap.legend());
        }

        Pair read(MaskSource masks, String source) {
            MaskImage truth = truthRef == null ? null : decode(masks, truthRef, truthMap, source);
            MaskImage predicted = predictedRef == null ? null : decode(masks, predictedRef, predictedMap, source);
            if (truth != null && predicted != null
                    && (truth.width() != predicted.width() || truth.height() != predicted.height())) {
                throw new InvalidInputException(source, number, "the masks differ in size: " + truthRef + " is "
                        + truth.width() + "x" + truth.height() + ", " + predictedRef + " is " + predicted.width() + "x"
                        + predicted.height());
            }
            return new Pair(this, truth, predicted);
        }

        private MaskImage decode(MaskSource masks, String ref, ColorMap map, String source) {
            try (InputStream in = masks.open(ref)) {
                return MaskImage.decode(in, map);
            } catch (MaskSource.MissingMaskException e) {
                throw new InvalidInputException(source, number, "mask " + ref + ": no such file (" + e.getMessage()
                        + ")", e);
            } catch (IOException e) {
                throw new InvalidInputException(source, number, "mask " + ref + " cannot be read: "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
            }
        }
    }

    private record Pair(Line line, MaskImage truth, MaskImage predicted) {
    }

    /** Pixel counts per label index, summed over the lines in file order. */
    private static final class Tally {

        long linesWithMasks;
        long masksRead;
        long unmappedPixels;
        final List<MaskReport.UnmappedColour> unmapped = new ArrayList<>();
        boolean unmappedTruncated;
        long[] truth = new long[0];
        long[] predicted = new long[0];
        long[] both = new long[0];
        long[] images = new long[0];
        long[] truthImages = new long[0];
        long[] predictedImages = new long[0];
        double[] iouSum = new double[0];

        void add(Pair pair, int labelCount) {
            grow(labelCount);
            report(pair.line().number(), pair.line().truthRef(), pair.truth());
            report(pair.line().number(), pair.line().predictedRef(), pair.predicted());
            long[] t = new long[labelCount];
            long[] p = new long[labelCount];
            long[] b = new long[labelCount];
            short[] tp = pair.truth() == null ? null : pair.truth().pixels();
            short[] pp = pair.predicted() == null ? null : pair.predicted().pixels();
            int n = tp != null ? tp.length : pp == null ? 0 : pp.length;
            for (int i = 0; i < n; i++) {
                short tl = tp == null ? ColorMap.BACKGROUND : tp[i];
                short pl = pp == null ? ColorMap.BACKGROUND : pp[i];
                if (tl >= 0) {
                    t[tl]++;
                }
                if (pl >= 0) {
                    p[pl]++;
                    if (pl == tl) {
                        b[pl]++;
                    }
                }
            }
            for (int l = 0; l < labelCount; l++) {
                truth[l] += t[l];
                predicted[l] += p[l];
                both[l] += b[l];
                truthImages[l] += t[l] > 0 ? 1 : 0;
                predictedImages[l] += p[l] > 0 ? 1 : 0;
                long union = t[l] + p[l] - b[l];
                if (union > 0) {
                    images[l]++;
                    iouSum[l] += (double) b[l] / union;
                }
            }
        }

        private void report(long line, String ref, MaskImage mask) {
            if (mask == null) {
                return;
            }
            masksRead++;
            new TreeMap<>(mask.unmapped()).forEach((rgb, pixels) -> {
                unmappedPixels += pixels;
                if (unmapped.size() < MaskReport.MAX_LISTED) {
                    unmapped.add(new MaskReport.UnmappedColour(line, ref, ColorMap.hex(rgb), pixels));
                } else {
                    unmappedTruncated = true;
                }
            });
        }

        private void grow(int size) {
            if (truth.length < size) {
                truth = Arrays.copyOf(truth, size);
                predicted = Arrays.copyOf(predicted, size);
                both = Arrays.copyOf(both, size);
                images = Arrays.copyOf(images, size);
                truthImages = Arrays.copyOf(truthImages, size);
                predictedImages = Arrays.copyOf(predictedImages, size);
                iouSum = Arrays.copyOf(iouSum, size);
            }
        }

        long at(long[] counts, int i) {
            return i >= 0 && i < counts.length ? counts[i] : 0;
        }

        MaskFigures figures(int i, LabelMetrics reported) {
            long t = at(truth, i);
            long p = at(predicted, i);
            long b = at(both, i);
            long n = at(images, i);
            Double meanIou = n == 0 ? null : (i < iouSum.length ? iouSum[i] : 0) / n;
            Double pooled = ratio(b, t + p - b);
            Double precision = ratio(b, p);
            Double recall = ratio(b, t);
            Double f1 = ratio(2 * b, t + p);
            MaskFigures.Differences d = reported == null ? null : new MaskFigures.Differences(
                    minus(precision, reported.precision()), minus(recall, reported.recall()),
                    minus(f1, reported.f1Score()), minus(meanIou, reported.averageIou()));
            return new MaskFigures(meanIou, pooled, precision, recall, f1, n, t, p, b, d);
        }

        private static Double ratio(long a, long b) {
            return b == 0 ? null : (double) a / b;
        }

        private static Double minus(Double computed, Double reported) {
            return computed == null || reported == null ? null : computed - reported;
        }
    }
}
