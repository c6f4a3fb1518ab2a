package dev.lfvmetrics.functions.testing;

import java.util.Locale;
import java.util.Random;

/** Large evaluation manifests in the service's classification format, for size tests. */
public final class Manifests {

    private Manifests() {
    }

    /** A manifest of {@code images} lines, about a fifth of them misclassified, deterministic for a seed. */
    public static String classification(String project, String version, int images, long seed) {
        Random random = new Random(seed);
        String arn = "arn:aws:lookoutvision:us-east-1:123456789012:model/" + project + "/" + version;
        StringBuilder out = new StringBuilder(images * 700);
        for (int i = 0; i < images; i++) {
            boolean anomalous = random.nextBoolean();
            boolean correct = random.nextDouble() > 0.2;
            boolean predicted = correct == anomalous;
            double confidence = 0.5 + random.nextDouble() * 0.4999;
            out.append("{\"source-ref\":\"s3://bucket/").append(project).append("/test/image-").append(i)
                    .append(".jpg\",\"anomaly-label\":").append(anomalous ? 1 : 0)
                    .append(",\"anomaly-label-metadata\":{\"class-name\":\"").append(anomalous ? "anomaly" : "normal")
                    .append("\",\"type\":\"groundtruth/image-classification\",\"human-annotated\":\"yes\"},")
                    .append("\"anomaly-label-detected\":").append(predicted ? 1 : 0)
                    .append(",\"anomaly-label-detected-metadata\":{\"class-name\":\"")
                    .append(predicted ? "anomaly" : "normal").append("\",\"confidence\":")
                    .append(String.format(Locale.ROOT, "%.5f", confidence))
                    .append(",\"type\":\"groundtruth/image-classification\",\"human-annotated\":\"no\",")
                    .append("\"model-arn\":\"").append(arn).append("\",\"project-name\":\"").append(project)
                    .append("\",\"model-version\":\"").append(version).append("\"}}\n");
        }
        return out.toString();
    }
}
