package dev.lfvmetrics.functions.sagemaker;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.AlgorithmSpecification;
import software.amazon.awssdk.services.sagemaker.model.Channel;
import software.amazon.awssdk.services.sagemaker.model.DescribeModelResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.Tag;

/** The SageMaker API: {@code DescribeModel}, {@code DescribeTrainingJob} and {@code ListTags}. */
public final class LiveSageMakerCatalog implements SageMakerCatalog {

    private final SageMakerClient sageMaker;

    /**
     * @param sageMaker the client, built once
     */
    public LiveSageMakerCatalog(SageMakerClient sageMaker) {
        this.sageMaker = sageMaker;
    }

    @Override
    public String modelArtifact(String modelName) {
        DescribeModelResponse model;
        try {
            model = sageMaker.describeModel(b -> b.modelName(modelName));
        } catch (SageMakerException e) {
            throw notFoundOr(e, "SageMaker model " + modelName);
        }
        String url = model.primaryContainer() != null ? model.primaryContainer().modelDataUrl()
                : model.hasContainers() && !model.containers().isEmpty() ? model.containers().get(0).modelDataUrl()
                : null;
        if (url == null) {
            throw new SageMakerNotFoundException("SageMaker model " + modelName + " has no ModelDataUrl", null);
        }
        return url;
    }

    @Override
    public TrainingJob trainingJob(String name) {
        DescribeTrainingJobResponse job;
        Map<String, String> tags;
        try {
            job = sageMaker.describeTrainingJob(b -> b.trainingJobName(name));
            tags = tags(job.trainingJobArn());
        } catch (SageMakerException e) {
            throw notFoundOr(e, "SageMaker training job " + name);
        }
        Map<String, String> channels = new LinkedHashMap<>();
        if (job.hasInputDataConfig()) {
            for (Channel channel : job.inputDataConfig()) {
                if (channel.dataSource() != null && channel.dataSource().s3DataSource() != null) {
                    channels.put(channel.channelName(), channel.dataSource().s3DataSource().s3Uri());
                }
            }
        }
        AlgorithmSpecification spec = job.algorithmSpecification();
        String algorithm = spec == null ? null : spec.algorithmName() != null ? spec.algorithmName()
                : spec.trainingImage();
        String modelType = job.hasHyperParameters() ? job.hyperParameters().get("ModelType") : null;
        return new TrainingJob(job.trainingJobName(), job.trainingJobArn(), job.trainingJobStatusAsString(),
                job.failureReason(), algorithm, modelType,
                channels, job.outputDataConfig() == null ? null : job.outputDataConfig().s3OutputPath(),
                job.modelArtifacts() == null ? null : job.modelArtifacts().s3ModelArtifacts(),
                job.creationTime() == null ? null : job.creationTime().toString(),
                job.trainingEndTime() == null ? null : job.trainingEndTime().toString(), tags);
    }

    @Override
    public Map<String, String> tags(String arn) {
        Map<String, String> tags = new LinkedHashMap<>();
        try {
            sageMaker.listTagsPaginator(b -> b.resourceArn(arn)).tags().forEach((Tag t) -> tags.put(t.key(),
                    t.value()));
        } catch (SageMakerException e) {
            throw notFoundOr(e, "tags of " + arn);
        }
        return tags;
    }

    private static RuntimeException notFoundOr(SageMakerException e, String what) {
        // DescribeModel answers a missing model with a ValidationException ("Could not find model"), not a 404.
        String message = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorMessage());
        boolean missing = e instanceof ResourceNotFoundException
                || e.awsErrorDetails() != null && "ValidationException".equals(e.awsErrorDetails().errorCode())
                && message.toLowerCase(Locale.ROOT).contains("could not find");
        return missing ? new SageMakerNotFoundException(what + " not found", e) : e;
    }
}
