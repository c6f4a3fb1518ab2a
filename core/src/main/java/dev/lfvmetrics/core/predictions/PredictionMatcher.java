package dev.lfvmetrics.core.predictions;

import dev.lfvmetrics.core.error.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds each test image's {@code .out} file. Batch transform keeps "a corresponding subfolder" of the input key, but
 * AWS's own example is inconsistent about which part, so an image matches (1) the {@code .out} at its key relative to
 * the transform's input prefix, when that prefix is known; else (2) the {@code .out} at its whole key; else (3) the
 * {@code .out} sharing the longest run of trailing path segments with its key, which must be unique. So
 * {@code x/anomaly-1.jpg.out} matches both {@code s3://b/test/x/anomaly-1.jpg} and a relative {@code x/anomaly-1.jpg}.
 * A {@code .out} matched by two images is an ambiguity too. Memory: one entry per {@code .out} file.
 */
public final class PredictionMatcher {

    private final PredictionSource source;
    private final String inputPrefix;
    private final Map<String, String> byStrippedKey = new HashMap<>();
    private final Map<String, List<String>> byFileName = new HashMap<>();
    private final Map<String, String> claimedBy = new HashMap<>();

    /**
     * Lists the source once.
     *
     * @param source      the {@code .out} files
     * @param inputPrefix the transform's input prefix ({@code s3://bucket/prefix/}), {@code null} when unknown
     */
    public PredictionMatcher(PredictionSource source, String inputPrefix) {
        this.source = source;
        this.inputPrefix = inputPrefix == null || inputPrefix.isEmpty() || inputPrefix.endsWith("/") ? inputPrefix
                : inputPrefix + "/";
        for (String key : source.keys()) {
            String stripped = key.substring(0, key.length() - PredictionSource.SUFFIX.length());
            byStrippedKey.put(stripped, key);
            byFileName.computeIfAbsent(fileName(stripped), k -> new ArrayList<>(1)).add(stripped);
        }
    }

    /** @return how many {@code .out} files there are */
    public int size() {
        return byStrippedKey.size();
    }

    /**
     * Finds and claims the {@code .out} of one image.
     *
     * @param sourceRef      the image's source-ref
     * @param groundTruth    the ground-truth manifest, for messages
     * @param lineNumber     the image's line in it
     * @return the {@code .out} key (relative to the source's location)
     * @throws InvalidInputException when there is no {@code .out} for the image, or the match is ambiguous
     */
    public String claim(String sourceRef, String groundTruth, long lineNumber) {
        String key = match(sourceRef, groundTruth, lineNumber);
        String owner = sourceRef + " (line " + lineNumber + ")";
        String previous = claimedBy.putIfAbsent(key, owner);
        if (previous != null) {
            throw new InvalidInputException(groundTruth, lineNumber, "ambiguous prediction for " + sourceRef + ": "
                    + source.describe(key) + " already matched " + previous);
        }
        return key;
    }

    private String match(String sourceRef, String groundTruth, long lineNumber) {
        if (inputPrefix != null && sourceRef.startsWith(inputPrefix)) {
            String hit = byStrippedKey.get(sourceRef.substring(inputPrefix.length()));
            if (hit != null) {
                return hit;
            }
        }
        String imageKey = imageKey(sourceRef);
        String exact = byStrippedKey.get(imageKey);
        if (exact != null) {
            return exact;
        }
        List<String> candidates = byFileName.getOrDefault(fileName(imageKey), List.of());
        String best = null;
        int bestScore = 0;
        boolean tie = false;
        for (String candidate : candidates) {
            int score = commonTrailingSegments(imageKey, candidate);
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
                tie = false;
            } else if (score == bestScore && score > 0) {
                tie = true;
            }
        }
        if (best == null) {
            throw new InvalidInputException(groundTruth, lineNumber, "no prediction for " + sourceRef + ": no "
                    + fileName(imageKey) + PredictionSource.SUFFIX + " under " + source.location());
        }
        if (tie) {
            List<String> tied = new ArrayList<>();
            for (String candidate : candidates) {
                if (commonTrailingSegments(imageKey, candidate) == bestScore) {
                    tied.add(source.describe(byStrippedKey.get(candidate)));
                }
            }
            throw new InvalidInputException(groundTruth, lineNumber, "ambiguous prediction for " + sourceRef
                    + ": " + String.join(" and ", tied) + " match equally well");
        }
        return byStrippedKey.get(best);
    }

    /**
     * The {@code .out} files no image claimed.
     *
     * @return their keys, sorted
     */
    public List<String> unclaimed() {
        List<String> out = new ArrayList<>();
        for (String key : byStrippedKey.values()) {
            if (!claimedBy.containsKey(key)) {
                out.add(key);
            }
        }
        out.sort(String::compareTo);
        return out;
    }

    /** The image's key: an s3:// URI without scheme and bucket, a relative path without a leading "./" or "/". */
    static String imageKey(String sourceRef) {
        String key = sourceRef;
        if (key.startsWith("s3://")) {
            int slash = key.indexOf('/', 5);
            key = slash < 0 ? "" : key.substring(slash + 1);
        }
        while (key.startsWith("./") || key.startsWith("/")) {
            key = key.substring(key.startsWith("./") ? 2 : 1);
        }
        return key;
    }

    private static String fileName(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    private static int commonTrailingSegments(String a, String b) {
        String[] x = a.split("/");
        String[] y = b.split("/");
        int n = 0;
        while (n < x.length && n < y.length && x[x.length - 1 - n].equals(y[y.length - 1 - n])) {
            n++;
        }
        return n;
    }
}
