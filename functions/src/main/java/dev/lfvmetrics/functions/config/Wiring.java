package dev.lfvmetrics.functions.config;

import dev.lfvmetrics.contracts.EnvironmentVariables;
import dev.lfvmetrics.functions.artifacts.ObjectStore;
import dev.lfvmetrics.functions.artifacts.ImageLinks;
import dev.lfvmetrics.functions.artifacts.PresignedImageLinks;
import dev.lfvmetrics.functions.artifacts.S3ObjectStore;
import dev.lfvmetrics.functions.catalog.LookoutVisionModelCatalog;
import dev.lfvmetrics.functions.catalog.ModelCatalog;
import dev.lfvmetrics.functions.catalog.S3ModelCatalog;
import dev.lfvmetrics.functions.notify.Notifier;
import dev.lfvmetrics.functions.sagemaker.LiveSageMakerCatalog;
import dev.lfvmetrics.functions.sagemaker.SageMakerCatalog;
import dev.lfvmetrics.functions.sagemaker.SavedSageMakerCatalog;
import dev.lfvmetrics.functions.notify.SnsNotifier;
import dev.lfvmetrics.functions.store.DynamoDbModelStore;
import dev.lfvmetrics.functions.store.ModelStore;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.utils.Lazy;

/**
 * Builds the AWS adapters behind the ports from the configuration, once per handler instance. Other runtimes (the
 * local mode) build their own adapters and hand them to the same services.
 */
public final class Wiring {

    private final Config config;
    private final AwsClients clients;
    /*
     * Built on first use, once: most API routes read DynamoDB only, and an S3 client (and the presigner) cost about
     * a tenth of a second of a cold start that no such request should pay (docs/benchmarks-pipeline.md).
     */
    private final Lazy<S3Client> s3;
    private final Lazy<S3Presigner> presigner;

    /**
     * @param config  the configuration
     * @param clients the SDK client factory
     */
    public Wiring(Config config, AwsClients clients) {
        this.config = config;
        this.clients = clients;
        this.s3 = new Lazy<>(clients::s3);
        this.presigner = new Lazy<>(clients::s3Presigner);
    }

    /**
     * Production wiring from the environment.
     *
     * @return the wiring
     */
    public static Wiring fromEnvironment() {
        Config config = Config.fromEnvironment();
        return new Wiring(config, new AwsClients(config));
    }

    /** @return the configuration */
    public Config config() {
        return config;
    }

    /** @return the DynamoDB store */
    public ModelStore store() {
        return new DynamoDbModelStore(clients.dynamoDb(), config.tableName());
    }

    /** @return the S3 object store */
    public ObjectStore objects() {
        return new S3ObjectStore(s3::getValue);
    }

    /** @return presigned links to images and masks */
    public ImageLinks imageLinks() {
        return new PresignedImageLinks(presigner::getValue, PresignedImageLinks.LIFETIME);
    }

    /** @return the SNS notifier for TOPIC_ARN */
    public Notifier notifier() {
        return new SnsNotifier(clients.sns(), Config.require(config.topicArn(), EnvironmentVariables.TOPIC_ARN));
    }

    /**
     * @param objects the object store, for the saved-documents catalog
     * @return the catalog MODEL_CATALOG names
     */
    public ModelCatalog catalog(ObjectStore objects) {
        if (Config.CATALOG_S3.equals(config.modelCatalog())) {
            return new S3ModelCatalog(objects, Config.require(config.descriptionBucket(),
                    EnvironmentVariables.DESCRIPTION_BUCKET));
        }
        return new LookoutVisionModelCatalog(clients.lookoutVision());
    }

    /**
     * @param objects the object store, for the saved-documents catalog
     * @return the SageMaker catalog SAGEMAKER_CATALOG names
     */
    public SageMakerCatalog sageMakerCatalog(ObjectStore objects) {
        if (Config.CATALOG_S3.equals(config.sageMakerCatalog())) {
            return new SavedSageMakerCatalog(objects, Config.require(config.descriptionBucket(),
                    EnvironmentVariables.DESCRIPTION_BUCKET));
        }
        return new LiveSageMakerCatalog(clients.sageMaker());
    }
}
