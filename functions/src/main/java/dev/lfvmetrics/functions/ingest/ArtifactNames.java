package dev.lfvmetrics.functions.ingest;

import dev.lfvmetrics.functions.artifacts.S3Uri;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's artifact file names. Both forms exist: {@code EvaluationResult-<project>-<version>.json} (the
 * examples) and {@code EvaluationResult-<project>.json} (the prose); a saved description sits beside them as
 * {@code DescribeModel-<project>-<version>.json}.
 */
public final class ArtifactNames {

    /** Prefix of evaluation result files. */
    public static final String RESULT = "EvaluationResult-";
    /** Prefix of evaluation manifest files. */
    public static final String MANIFEST = "EvaluationManifest-";
    /** Prefix of saved DescribeModel documents. */
    public static final String DESCRIPTION = "DescribeModel-";

    private static final Pattern VERSIONED = Pattern.compile("(.+)-([1-9][0-9]{0,9})");

    private ArtifactNames() {
    }

    /**
     * @param fileName a file name
     * @return {@link #RESULT} or {@link #MANIFEST} for an evaluation artifact, else null
     */
    public static String kind(String fileName) {
        if (!fileName.endsWith(".json") && !fileName.endsWith(".jsonl")) {
            return null;
        }
        if (fileName.startsWith(RESULT) && fileName.length() > RESULT.length() + 5) {
            return RESULT;
        }
        if (fileName.startsWith(MANIFEST) && fileName.length() > MANIFEST.length() + 5) {
            return MANIFEST;
        }
        return null;
    }

    /**
     * @param fileName an artifact file name
     * @return the part between the kind prefix and the extension: {@code <project>-<version>} or {@code <project>}
     */
    public static String stem(String fileName) {
        String kind = kind(fileName);
        if (kind == null) {
            throw new IllegalArgumentException(fileName + " is not an evaluation artifact");
        }
        return fileName.substring(kind.length(), fileName.lastIndexOf('.'));
    }

    /**
     * Candidates for the other artifact of a pair, most likely first: the same stem, then the other naming form.
     *
     * @param artifact   one artifact
     * @param wantedKind {@link #RESULT} or {@link #MANIFEST}
     * @return candidate locations
     */
    public static List<S3Uri> siblings(S3Uri artifact, String wantedKind) {
        String stem = stem(artifact.fileName());
        List<S3Uri> candidates = new ArrayList<>();
        candidates.add(artifact.sibling(wantedKind + stem + ".json"));
        candidates.add(artifact.sibling(wantedKind + stem + ".jsonl"));
        Matcher versioned = VERSIONED.matcher(stem);
        if (versioned.matches()) {
            candidates.add(artifact.sibling(wantedKind + versioned.group(1) + ".json"));
        }
        return candidates;
    }

    /**
     * @param artifact an artifact named with a version
     * @return the saved description beside it, or null when the name carries no version
     */
    public static S3Uri description(S3Uri artifact) {
        String stem = stem(artifact.fileName());
        return VERSIONED.matcher(stem).matches() ? artifact.sibling(DESCRIPTION + stem + ".json") : null;
    }

    /**
     * @param fileName an artifact file name
     * @return {project, version} when the name carries both, else null
     */
    public static String[] identity(String fileName) {
        if (kind(fileName) == null) {
            return null;
        }
        Matcher versioned = VERSIONED.matcher(stem(fileName));
        return versioned.matches() ? new String[] {versioned.group(1), versioned.group(2)} : null;
    }
}
