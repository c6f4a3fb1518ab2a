package dev.lfvmetrics.functions.sagemaker;

import java.util.Map;

/**
 * What the pipeline asks SageMaker about a batch transform whose training it must find: the model's artifact (which
 * names the training job) and that job.
 */
public interface SageMakerCatalog {

    /**
     * @param modelName a SageMaker model's name
     * @return its model artifact, {@code s3://.../<training job>/output/model.tar.gz}
     * @throws SageMakerNotFoundException when there is no such model, or it has no artifact
     */
    String modelArtifact(String modelName);

    /**
     * @param name a training job's name
     * @return the job with its tags
     * @throws SageMakerNotFoundException when there is no such job
     */
    TrainingJob trainingJob(String name);

    /**
     * @param arn a training or transform job's ARN
     * @return its tags
     */
    Map<String, String> tags(String arn);
}
