package dev.lfvmetrics.core.summary;

/**
 * Where each artifact was read from: a local path or an {@code s3://bucket/key} URI; {@code null} when not given.
 *
 * @param manifest    the evaluation manifest (JSON Lines)
 * @param result      the evaluation result JSON
 * @param description the saved DescribeModel output
 */
public record Sources(String manifest, String result, String description) {
}
