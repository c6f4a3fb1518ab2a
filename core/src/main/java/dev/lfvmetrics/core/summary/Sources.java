package dev.lfvmetrics.core.summary;

/**
 * Where each artifact was read from: a local path or an {@code s3://bucket/key} URI; {@code null} when not given.
 *
 * @param manifest    the evaluation manifest (JSON Lines); for a joined evaluation, where the joined manifest was
 *                    written, if anywhere
 * @param result      the evaluation result JSON
 * @param description the saved DescribeModel output
 * @param groundTruth the labelled dataset manifest, for an evaluation joined from predictions
 * @param predictions the folder or S3 prefix of the batch-transform {@code .out} files
 */
public record Sources(String manifest, String result, String description, String groundTruth,
                      String predictions) {

    /**
     * Sources of an evaluation manifest with its optional companions.
     *
     * @param manifest    the evaluation manifest
     * @param result      the evaluation result JSON
     * @param description the saved DescribeModel output
     */
    public Sources(String manifest, String result, String description) {
        this(manifest, result, description, null, null);
    }
}
