package dev.lfvmetrics.core.join;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lfvmetrics.core.error.InvalidInputException;
import dev.lfvmetrics.core.groundtruth.DatasetLine;
import dev.lfvmetrics.core.groundtruth.DatasetLineParser;
import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.core.predictions.Prediction;
import dev.lfvmetrics.core.predictions.PredictionMatcher;
import dev.lfvmetrics.core.predictions.PredictionParser;
import dev.lfvmetrics.core.predictions.PredictionSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * A labelled dataset manifest joined with batch-transform predictions, read as the evaluation manifest it amounts
 * to: one standard evaluation-manifest line per ground-truth line, produced as the stream is read, so that the
 * evaluator (and anyone else) reads it like the manifests Lookout for Vision wrote. One ground-truth line and one
 * {@code .out} file are in memory at a time, plus the index of {@code .out} keys. Blank ground-truth lines stay blank,
 * so line numbers are the ground truth's. At the end, {@code .out} files that no image matched are an error: an
 * evaluation on a silently different set is worse than none.
 */
public final class JoinedManifest extends InputStream {

    private static final byte[] NEWLINE = {'\n'};
    /** Ground-truth lines read ahead, so that their predictions can be fetched in parallel. */
    static final int BATCH = 64;

    private final BufferedReader groundTruth;
    private final String groundTruthSource;
    private final PredictionSource predictions;
    private final PredictionMatcher matcher;
    private final JoinIdentity identity;
    private final OutputStream copy;
    private final Executor fetcher;
    private final Deque<Pending> queue = new ArrayDeque<>();
    private byte[] buffer = new byte[0];
    private int position;
    private long lineNumber;
    private boolean done;

    /**
     * @param groundTruth       the dataset manifest (JSON Lines, UTF-8); closed with this stream
     * @param groundTruthSource its path or URI, for messages
     * @param predictions       the {@code .out} files
     * @param inputPrefix       the transform's input prefix, {@code null} when unknown
     * @param identity          the model, written into the prediction metadata
     * @param copy              receives every joined byte (the {@code --write-manifest} file), may be {@code null}
     */
    public JoinedManifest(InputStream groundTruth, String groundTruthSource, PredictionSource predictions,
                          String inputPrefix, JoinIdentity identity, OutputStream copy) {
        this(groundTruth, groundTruthSource, predictions, inputPrefix, identity, copy, null);
    }

    /**
     * A join whose predictions are fetched ahead on an executor (for S3, where each {@code .out} is a request):
     * at most {@value #BATCH} ground-truth lines and their predictions are held at a time; output and errors stay in
     * file order.
     *
     * @param groundTruth       the dataset manifest (JSON Lines, UTF-8); closed with this stream
     * @param groundTruthSource its path or URI, for messages
     * @param predictions       the {@code .out} files; must be safe to read from several threads
     * @param inputPrefix       the transform's input prefix, {@code null} when unknown
     * @param identity          the model, written into the prediction metadata
     * @param copy              receives every joined byte, may be {@code null}
     * @param fetcher           runs the fetches, {@code null} to read each prediction when its line is due
     */
    public JoinedManifest(InputStream groundTruth, String groundTruthSource, PredictionSource predictions,
                          String inputPrefix, JoinIdentity identity, OutputStream copy, Executor fetcher) {
        this.groundTruth = new BufferedReader(new InputStreamReader(groundTruth, StandardCharsets.UTF_8));
        this.groundTruthSource = groundTruthSource;
        this.predictions = predictions;
        this.matcher = new PredictionMatcher(predictions, inputPrefix);
        this.identity = identity == null ? JoinIdentity.NONE : identity;
        this.copy = copy;
        this.fetcher = fetcher;
    }

    /** One ground-truth line on its way out: blank (no truth), joined (truth, key, maybe a fetch), or bad (error). */
    private record Pending(long line, DatasetLine truth, String key, CompletableFuture<Prediction> fetch,
                           InvalidInputException error) {
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return buffer[position++] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int written = 0;
        while (written < length && fill()) {
            int n = Math.min(length - written, buffer.length - position);
            System.arraycopy(buffer, position, target, offset + written, n);
            position += n;
            written += n;
        }
        return written == 0 ? -1 : written;
    }

    private boolean fill() throws IOException {
        while (position == buffer.length) {
            if (queue.isEmpty()) {
                if (!done) {
                    readBatch();
                }
                if (queue.isEmpty()) {
                    checkAllMatched();
                    return false;
                }
            }
            buffer = render(queue.poll());
            position = 0;
            if (copy != null) {
                copy.write(buffer);
            }
        }
        return true;
    }

    /**
     * Reads the next ground-truth lines, matches them, and starts fetching their predictions (in parallel with an
     * executor). Stops after the first bad line: its error is raised in file order, once the lines before it are out.
     */
    private void readBatch() throws IOException {
        while (queue.size() < BATCH) {
            String text = groundTruth.readLine();
            if (text == null) {
                done = true;
                return;
            }
            lineNumber++;
            if (lineNumber == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
                text = text.substring(1);
            }
            if (text.isBlank()) {
                queue.add(new Pending(lineNumber, null, null, null, null));
                continue;
            }
            try {
                DatasetLine truth = DatasetLineParser.parse(text, groundTruthSource, lineNumber);
                String key = matcher.claim(truth.sourceRef(), groundTruthSource, lineNumber);
                long line = lineNumber;
                CompletableFuture<Prediction> fetch = fetcher == null ? null
                        : CompletableFuture.supplyAsync(() -> read(key, truth, line), fetcher);
                queue.add(new Pending(lineNumber, truth, key, fetch, null));
            } catch (InvalidInputException e) {
                queue.add(new Pending(lineNumber, null, null, null, e));
                done = true;
                return;
            }
        }
    }

    private byte[] render(Pending next) {
        if (next.error() != null) {
            throw next.error();
        }
        if (next.truth() == null) {
            return NEWLINE;
        }
        Prediction prediction = next.fetch() == null ? read(next.key(), next.truth(), next.line())
                : await(next.fetch());
        try {
            return (Json.mapper().writeValueAsString(line(next.truth(), prediction, predictions.describe(next.key())))
                    + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree built here always serialises", e);
        }
    }

    private Prediction read(String key, DatasetLine truth, long line) {
        try (InputStream in = predictions.open(key)) {
            return PredictionParser.read(in, predictions.describe(key) + " (prediction for " + truth.sourceRef()
                    + ", line " + line + " of " + groundTruthSource + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + predictions.describe(key) + " failed", e);
        }
    }

    private static Prediction await(CompletableFuture<Prediction> fetch) {
        try {
            return fetch.join();
        } catch (CompletionException e) {
            // The fetch's own exception (bad input, a missing object, an AWS error), as a sequential read throws it.
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private ObjectNode line(DatasetLine truth, Prediction prediction, String predictionRef) {
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("source-ref", truth.sourceRef());
        line.put("anomaly-label", truth.anomalous() ? 1 : 0);
        ObjectNode actual = line.putObject("anomaly-label-metadata");
        actual.put("class-name", className(truth.anomalous()));
        actual.put("type", DatasetLineParser.CLASSIFICATION_TYPE);
        line.put("anomaly-label-detected", prediction.anomalous() ? 1 : 0);
        ObjectNode detected = line.putObject("anomaly-label-detected-metadata");
        detected.put("class-name", className(prediction.anomalous()));
        detected.put("confidence", prediction.confidence());
        detected.put("type", DatasetLineParser.CLASSIFICATION_TYPE);
        detected.put("human-annotated", "no");
        detected.put("prediction-ref", predictionRef);
        putIfPresent(detected, "model-arn", identity.modelArn());
        putIfPresent(detected, "project-name", identity.project());
        putIfPresent(detected, "model-version", identity.version());
        if (truth.segmentation()) {
            if (truth.maskRef() != null) {
                line.put("anomaly-mask-ref", truth.maskRef());
            }
            ObjectNode mask = line.putObject("anomaly-mask-ref-metadata");
            mask.put("type", DatasetLineParser.SEGMENTATION_TYPE);
            mask.set("internal-color-map", truth.colorMap());
        }
        if (prediction.colorMap() != null) {
            ObjectNode mask = line.putObject("anomaly-mask-ref-detected-metadata");
            mask.put("type", DatasetLineParser.SEGMENTATION_TYPE);
            mask.set("internal-color-map", prediction.colorMap());
        }
        return line;
    }

    private void checkAllMatched() {
        List<String> left = matcher.unclaimed();
        if (left.isEmpty()) {
            return;
        }
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < Math.min(3, left.size()); i++) {
            names.append(i == 0 ? "" : ", ").append(left.get(i));
        }
        throw new InvalidInputException(predictions.location(), 0, left.size() + " of " + matcher.size()
                + " .out files match no image of " + groundTruthSource + ": " + names
                + (left.size() > 3 ? ", ..." : ""));
    }

    private static String className(boolean anomalous) {
        return anomalous ? "anomaly" : "normal";
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    @Override
    public void close() throws IOException {
        for (Pending pending : queue) {
            if (pending.fetch() != null) {
                pending.fetch().cancel(false);
            }
        }
        groundTruth.close();
    }
}
