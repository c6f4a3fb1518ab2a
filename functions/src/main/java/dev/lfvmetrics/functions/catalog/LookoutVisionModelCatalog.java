package dev.lfvmetrics.functions.catalog;

import dev.lfvmetrics.core.format.ModelDescription;
import java.time.Instant;
import software.amazon.awssdk.services.lookoutvision.LookoutVisionClient;
import software.amazon.awssdk.services.lookoutvision.model.OutputS3Object;
import software.amazon.awssdk.services.lookoutvision.model.ResourceNotFoundException;

/**
 * The live DescribeModel API. Not found is permanent; throttling and server errors are the SDK's retryable
 * exceptions, left to propagate after the SDK's own retries.
 */
public final class LookoutVisionModelCatalog implements ModelCatalog {

    private final LookoutVisionClient client;

    /**
     * @param client the Lookout for Vision client
     */
    public LookoutVisionModelCatalog(LookoutVisionClient client) {
        this.client = client;
    }

    @Override
    public DescribedModel describe(String project, String version) {
        software.amazon.awssdk.services.lookoutvision.model.ModelDescription d;
        try {
            d = client.describeModel(b -> b.projectName(project).modelVersion(version)).modelDescription();
        } catch (ResourceNotFoundException e) {
            throw new ModelNotFoundException(project, version, "Lookout for Vision", e);
        }
        ModelDescription description = new ModelDescription(
                d.modelVersion(),
                d.modelArn(),
                text(d.creationTimestamp()),
                d.description(),
                d.statusAsString(),
                d.statusMessage(),
                d.performance() == null ? null : new ModelDescription.Performance(
                        decimal(d.performance().f1Score()),
                        decimal(d.performance().recall()),
                        decimal(d.performance().precision())),
                d.outputConfig() == null || d.outputConfig().s3Location() == null ? null
                        : new ModelDescription.S3Location(d.outputConfig().s3Location().bucket(),
                                d.outputConfig().s3Location().prefix()),
                object(d.evaluationManifest()),
                object(d.evaluationResult()),
                text(d.evaluationEndTimestamp()),
                d.kmsKeyId(),
                d.minInferenceUnits(),
                d.maxInferenceUnits());
        return new DescribedModel(description, "lookoutvision:DescribeModel " + project + "/" + version);
    }

    private static ModelDescription.S3Object object(OutputS3Object o) {
        return o == null ? null : new ModelDescription.S3Object(o.bucket(), o.key());
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /**
     * The API's figures are floats: widening 0.95082f gives 0.9508200287818909, so go through the float's shortest
     * decimal text to keep the value the service printed.
     */
    private static Double decimal(Float value) {
        return value == null ? null : Double.valueOf(Float.toString(value));
    }
}
