package dev.lfvmetrics.benchmarks;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * An in-memory evaluation manifest for the benchmarks, made like {@code bench/generate_manifest.py}: about 740
 * bytes a line, about 30 % anomalous images, one line in 25 with mask blocks, confidences rounded to 5 (one in
 * ten to 2) decimals so that scores tie, some lines with unknown keys or CRLF. Deterministic for a seed.
 */
public final class ManifestLines {

    private static final String PROJECT = "widgets";
    private static final String ARN = "arn:aws:lookoutvision:us-east-1:123456789012:model/" + PROJECT + "/7";
    private static final String[][] LABELS = {{"scratch", "#2ca02c"}, {"crack", "#d62728"}, {"dent", "#1f77b4"}};

    private final byte[] bytes;
    private final int[] starts;
    private final int[] lengths;

    private ManifestLines(byte[] bytes, int[] starts, int[] lengths) {
        this.bytes = bytes;
        this.starts = starts;
        this.lengths = lengths;
    }

    /**
     * Generates a manifest.
     *
     * @param lines number of test images
     * @param seed  random seed
     * @return the manifest, with each line's offset and length (without its line end)
     */
    public static ManifestLines generate(int lines, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream(lines * 760);
        int[] starts = new int[lines];
        int[] lengths = new int[lines];
        for (int i = 0; i < lines; i++) {
            byte[] line = line(rng, i).getBytes(StandardCharsets.US_ASCII);
            starts[i] = out.size();
            lengths[i] = line.length;
            out.writeBytes(line);
            if (rng.nextInt(33) == 0) {
                out.write('\r');
            }
            out.write('\n');
        }
        return new ManifestLines(out.toByteArray(), starts, lengths);
    }

    private static String line(SplittableRandom rng, int index) {
        boolean anomalous = rng.nextDouble() < 0.3;
        double score = Math.min(1.0, Math.max(0.0, gauss(rng, anomalous ? 0.68 : 0.32, 0.17)));
        boolean predicted = score >= 0.5;
        double confidence = predicted ? score : 1.0 - score;
        String conf = String.format(Locale.ROOT, rng.nextInt(10) == 0 ? "%.2f" : "%.5f", confidence);
        String labelled = String.format(Locale.ROOT, "2024-04-%02dT%02d:%02d:%02d.%06d", 1 + index % 28,
                index % 24, index % 60, index * 7 % 60, index % 999_983);
        String inferred = String.format(Locale.ROOT, "2024-05-09T08:%02d:%02d", index % 60, index * 13 % 60);
        StringBuilder sb = new StringBuilder(1400);
        sb.append("{\"source-ref\":\"s3://lfv-data/").append(PROJECT).append("/test/")
                .append(anomalous ? "anomaly" : "normal").append('/').append(String.format("%07d", index))
                .append(".jpg\",\"source-ref-metadata\":{\"creation-date\":\"").append(labelled).append("\"},")
                .append("\"anomaly-label\":").append(anomalous ? 1 : 0)
                .append(",\"anomaly-label-metadata\":{\"class-name\":\"").append(anomalous ? "anomaly" : "normal")
                .append("\",\"type\":\"groundtruth/image-classification\",\"human-annotated\":\"yes\","
                        + "\"creation-date\":\"").append(labelled)
                .append("\",\"job-name\":\"labeling-job/anomaly-detection\"},")
                .append("\"anomaly-label-detected\":").append(predicted ? 1 : 0)
                .append(",\"anomaly-label-detected-metadata\":{\"class-name\":\"")
                .append(predicted ? "anomaly" : "normal").append("\",\"confidence\":").append(conf)
                .append(",\"type\":\"groundtruth/image-classification\",\"human-annotated\":\"no\","
                        + "\"creation-date\":\"").append(inferred)
                .append("\",\"job-name\":\"training-job/anomaly-detection\",\"model-arn\":\"").append(ARN)
                .append("\",\"project-name\":\"").append(PROJECT).append("\",\"model-version\":\"7\"}");
        if (rng.nextInt(25) == 0) {
            if (anomalous) {
                mask(sb, rng, "anomaly-mask-ref", "masks", index, labelled, true);
            }
            mask(sb, rng, "anomaly-mask-ref-detected", "predicted-masks", index, inferred, predicted);
        }
        if (rng.nextInt(20) == 0) {
            sb.append(",\"x-unknown-key\":{\"nested\":[1,2,{\"a\":null}],\"flag\":true}");
        }
        return sb.append('}').toString();
    }

    private static void mask(StringBuilder sb, SplittableRandom rng, String key, String folder, int index,
                             String date, boolean withLabel) {
        String nameKey = rng.nextInt(10) < 3 ? "name" : "class-name";
        sb.append(",\"").append(key).append("\":\"s3://lfv-data/").append(PROJECT).append('/').append(folder)
                .append('/').append(String.format("%07d", index)).append(".png\",\"").append(key)
                .append("-metadata\":{\"internal-color-map\":{\"0\":{\"").append(nameKey)
                .append("\":\"BACKGROUND\",\"hex-color\":\"#ffffff\"}");
        if (withLabel) {
            String[] label = LABELS[rng.nextInt(LABELS.length)];
            String colour = rng.nextBoolean() ? label[1].toUpperCase(Locale.ROOT) : label[1];
            sb.append(",\"1\":{\"").append(nameKey).append("\":\"").append(label[0]).append("\",\"hex-color\":\"")
                    .append(colour).append("\"}");
        }
        sb.append("},\"type\":\"groundtruth/semantic-segmentation\",\"human-annotated\":\"no\",\"creation-date\":\"")
                .append(date).append("\",\"job-name\":\"training-job/segmentation\"}");
    }

    private static double gauss(SplittableRandom rng, double mean, double sd) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
        double u = 1.0 - rng.nextDouble();
        double v = rng.nextDouble();
        return mean + sd * Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
    }

    /**
     * The whole manifest, UTF-8.
     *
     * @return the bytes (not a copy)
     */
    public byte[] bytes() {
        return bytes;
    }

    /**
     * Number of lines.
     *
     * @return lines
     */
    public int count() {
        return starts.length;
    }

    /**
     * Offset of line {@code i}.
     *
     * @param i 0-based line index
     * @return its offset in {@link #bytes()}
     */
    public int start(int i) {
        return starts[i];
    }

    /**
     * Length of line {@code i} without its line end.
     *
     * @param i 0-based line index
     * @return its length in bytes
     */
    public int length(int i) {
        return lengths[i];
    }
}
