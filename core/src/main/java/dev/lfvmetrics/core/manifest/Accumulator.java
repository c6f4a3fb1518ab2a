package dev.lfvmetrics.core.manifest;

import dev.lfvmetrics.core.evaluate.ImageSink;
import dev.lfvmetrics.core.format.ManifestLineParser;
import dev.lfvmetrics.core.metrics.ConfusionCounts;
import dev.lfvmetrics.core.metrics.ScoreRanking;
import dev.lfvmetrics.core.summary.ImageResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * What the metrics need from a manifest, gathered line by line: confusion counts, the anomaly scores of each class
 * in growable primitive arrays, per-label image counts, the model identity found in the manifest, and the most
 * confident mistakes in a bounded heap (only those keep their source-ref). Accumulators of consecutive ranges of one
 * file {@link #merge merge} into the same result as one pass over the whole file.
 */
public final class Accumulator {

    /** Most confident first; on equal confidence the earlier line first. */
    public static final Comparator<ImageResult> MOST_CONFIDENT_FIRST =
            Comparator.comparingDouble(ImageResult::confidence).reversed().thenComparingLong(ImageResult::line);

    private final int maxMisclassified;
    private long lines;
    private long tp;
    private long fp;
    private long tn;
    private long fn;
    private double[] anomalousScores = new double[1024];
    private int anomalousCount;
    private double[] normalScores = new double[1024];
    private int normalCount;
    private long misclassifiedTotal;
    private final PriorityQueue<ImageResult> worst;
    private boolean segmentation;
    private final Map<String, long[]> labelCounts = new TreeMap<>();
    private boolean identityWanted = true;
    private String modelArn;
    private String projectName;
    private String modelVersion;
    private final TestSetFingerprint fingerprint = new TestSetFingerprint();

    /**
     * Creates an empty accumulator.
     *
     * @param maxMisclassified how many misclassified images to keep
     */
    public Accumulator(int maxMisclassified) {
        this.maxMisclassified = maxMisclassified;
        // Least confident at the head, so it is the one to evict.
        this.worst = new PriorityQueue<>(Math.max(1, Math.min(maxMisclassified, 1024)) + 1,
                MOST_CONFIDENT_FIRST.reversed());
    }

    /**
     * Whether the identity (model ARN, project, version) is still incomplete, i.e. worth capturing.
     *
     * @return whether to keep capturing identity strings
     */
    boolean wantsIdentity() {
        // A field, not a computation: the compiled reader sees one stable branch, whichever way the flag went.
        return identityWanted;
    }

    /** Stops looking for the identity: an earlier range of the same file already has it. */
    void skipIdentity() {
        identityWanted = false;
    }

    /**
     * Adds the line just parsed.
     *
     * @param line       the parser holding the line
     * @param lineNumber its 1-based line number (relative to the range start for a split file)
     * @param sink       receives the image's outcome, may be {@code null}
     */
    void add(ManifestLineParser line, long lineNumber, ImageSink sink) {
        boolean actual = line.actualAnomalous();
        boolean predicted = line.predictedAnomalous();
        double score = line.anomalyScore();
        byte[] ascii = line.sourceRefAsciiBytes();
        if (ascii != null) {
            fingerprint.add(ascii, line.sourceRefOffset(), line.sourceRefLength(), actual);
        } else {
            fingerprint.add(line.sourceRefChars(), line.sourceRefLength(), actual);
        }
        if (actual) {
            if (anomalousCount == anomalousScores.length) {
                anomalousScores = Arrays.copyOf(anomalousScores, growth(anomalousCount));
            }
            anomalousScores[anomalousCount++] = score;
            if (predicted) {
                tp++;
            } else {
                fn++;
            }
        } else {
            if (normalCount == normalScores.length) {
                normalScores = Arrays.copyOf(normalScores, growth(normalCount));
            }
            normalScores[normalCount++] = score;
            if (predicted) {
                fp++;
            } else {
                tn++;
            }
        }
        if (line.segmentation()) {
            segmentation = true;
            for (String label : line.actualLabels()) {
                labelCounts.computeIfAbsent(label, k -> new long[2])[0]++;
            }
            for (String label : line.predictedLabels()) {
                labelCounts.computeIfAbsent(label, k -> new long[2])[1]++;
            }
        }
        if (identityWanted) {
            modelArn = modelArn == null ? line.modelArn() : modelArn;
            projectName = projectName == null ? line.projectName() : projectName;
            modelVersion = modelVersion == null ? line.modelVersion() : modelVersion;
            identityWanted = modelArn == null || projectName == null || modelVersion == null;
        }
        ImageResult result = null;
        if (sink != null) {
            result = toResult(line, lineNumber);
            sink.accept(result);
        }
        if (actual != predicted) {
            misclassifiedTotal++;
            if (maxMisclassified > 0 && (worst.size() < maxMisclassified
                    || line.confidence() > worst.peek().confidence())) {
                keep(result != null ? result : toResult(line, lineNumber));
            }
        }
    }

    private void keep(ImageResult r) {
        worst.add(r);
        if (worst.size() > maxMisclassified) {
            worst.poll();
        }
    }

    private static ImageResult toResult(ManifestLineParser line, long lineNumber) {
        boolean actual = line.actualAnomalous();
        boolean predicted = line.predictedAnomalous();
        return new ImageResult(lineNumber, line.sourceRef(), className(actual), className(predicted),
                line.confidence(), line.anomalyScore(), actual == predicted,
                List.copyOf(line.actualLabels()), List.copyOf(line.predictedLabels()));
    }

    private static String className(boolean anomalous) {
        return anomalous ? "anomaly" : "normal";
    }

    void setLines(long physicalLines) {
        this.lines = physicalLines;
    }

    /**
     * The test set's fingerprint so far.
     *
     * @return see {@link TestSetFingerprint#value()}
     */
    public String testSetFingerprint() {
        return fingerprint.value();
    }

    /**
     * Physical lines read, blank ones included (the offset of the next range's line numbers).
     *
     * @return line count
     */
    public long lines() {
        return lines;
    }

    /**
     * Folds in the accumulator of the range that follows this one in the same file.
     *
     * @param later the following range, its line numbers relative to its own start
     */
    public void merge(Accumulator later) {
        long offset = lines;
        lines += later.lines;
        tp += later.tp;
        fp += later.fp;
        tn += later.tn;
        fn += later.fn;
        anomalousScores = append(anomalousScores, anomalousCount, later.anomalousScores, later.anomalousCount);
        anomalousCount += later.anomalousCount;
        normalScores = append(normalScores, normalCount, later.normalScores, later.normalCount);
        normalCount += later.normalCount;
        misclassifiedTotal += later.misclassifiedTotal;
        for (ImageResult r : later.worst) {
            keep(new ImageResult(r.line() + offset, r.sourceRef(), r.actual(), r.predicted(), r.confidence(),
                    r.anomalyScore(), r.correct(), r.actualLabels(), r.predictedLabels()));
        }
        segmentation |= later.segmentation;
        fingerprint.merge(later.fingerprint);
        later.labelCounts.forEach((label, counts) -> {
            long[] mine = labelCounts.computeIfAbsent(label, k -> new long[2]);
            mine[0] += counts[0];
            mine[1] += counts[1];
        });
        modelArn = modelArn == null ? later.modelArn : modelArn;
        projectName = projectName == null ? later.projectName : projectName;
        modelVersion = modelVersion == null ? later.modelVersion : modelVersion;
    }

    /**
     * Sorts both score arrays in place. Order does not matter to the figures; a reader sorts each range on its own
     * thread so that, after merging, the ranking's sort finds sorted runs and only merges them.
     */
    void sortScores() {
        Arrays.sort(anomalousScores, 0, anomalousCount);
        Arrays.sort(normalScores, 0, normalCount);
    }

    private static double[] append(double[] a, int an, double[] b, int bn) {
        // Grown geometrically: a file read in eight ranges merges seven times, and growing to the exact size each
        // time copied the first ranges' scores over and over (about 25 MB of garbage on a million images).
        double[] out = an + bn <= a.length ? a : Arrays.copyOf(a, Math.max(an + bn, growth(a.length)));
        System.arraycopy(b, 0, out, an, bn);
        return out;
    }

    private static int growth(int length) {
        return (int) Math.min(Integer.MAX_VALUE - 8L, 2L * length);
    }

    /**
     * Images read.
     *
     * @return image count
     */
    public long images() {
        return tp + fp + tn + fn;
    }

    /**
     * Confusion counts at the model's own decisions.
     *
     * @return the counts
     */
    public ConfusionCounts counts() {
        return new ConfusionCounts(tp, fp, tn, fn);
    }

    /**
     * The score ranking; sorts the score arrays in place, so call it once, after all merging.
     *
     * @return the ranking
     */
    public ScoreRanking ranking() {
        return ScoreRanking.of(anomalousScores, anomalousCount, normalScores, normalCount);
    }

    /**
     * The anomalous images' scores; sorted once {@link #ranking()} was called. Read only.
     *
     * @return the array, of which the first {@link ConfusionCounts#positives()} are used
     */
    public double[] anomalousScores() {
        return anomalousScores;
    }

    /**
     * The normal images' scores; sorted once {@link #ranking()} was called. Read only.
     *
     * @return the array, of which the first {@link ConfusionCounts#negatives()} are used
     */
    public double[] normalScores() {
        return normalScores;
    }

    /**
     * All misclassified images, counted.
     *
     * @return count
     */
    public long misclassifiedTotal() {
        return misclassifiedTotal;
    }

    /**
     * The kept mistakes, most confident first.
     *
     * @return at most the cap of images
     */
    public List<ImageResult> mostConfidentMistakes() {
        List<ImageResult> list = new ArrayList<>(worst);
        list.sort(MOST_CONFIDENT_FIRST);
        return Collections.unmodifiableList(list);
    }

    /**
     * Whether any line had a mask block.
     *
     * @return whether the manifest is a segmentation manifest
     */
    public boolean segmentation() {
        return segmentation;
    }

    /**
     * Per-label image counts, by label name.
     *
     * @return label to {ground-truth images, predicted images}
     */
    public Map<String, long[]> labelCounts() {
        return Collections.unmodifiableMap(labelCounts);
    }

    /**
     * The first model-arn found in the manifest's prediction metadata.
     *
     * @return the ARN or {@code null}
     */
    public String modelArn() {
        return modelArn;
    }

    /**
     * The first project-name found in the manifest's prediction metadata.
     *
     * @return the project or {@code null}
     */
    public String projectName() {
        return projectName;
    }

    /**
     * The first model-version found in the manifest's prediction metadata.
     *
     * @return the version or {@code null}
     */
    public String modelVersion() {
        return modelVersion;
    }
}
