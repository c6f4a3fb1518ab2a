package dev.lfvmetrics.functions.sagemaker;

import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.functions.artifacts.ObjectNotFoundException;
import dev.lfvmetrics.functions.artifacts.ObjectStore;
import dev.lfvmetrics.functions.artifacts.S3Uri;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Saved {@code aws sagemaker describe-model} and {@code describe-training-job} outputs (with the job's tags as a
 * {@code Tags} list, as {@code aws sagemaker list-tags} prints them) in S3, for the local mode and for accounts the
 * function may not call: {@code s3://BUCKET/sagemaker/DescribeModel-<name>.json} and
 * {@code s3://BUCKET/sagemaker/DescribeTrainingJob-<name>.json}.
 */
public final class SavedSageMakerCatalog implements SageMakerCatalog {

    /** Folder of the saved documents in the bucket. */
    public static final String FOLDER = "sagemaker/";

    private final ObjectStore objects;
    private final String bucket;

    /**
     * @param objects the object store
     * @param bucket  the bucket holding {@value #FOLDER}
     */
    public SavedSageMakerCatalog(ObjectStore objects, String bucket) {
        this.objects = objects;
        this.bucket = bucket;
    }

    @Override
    public String modelArtifact(String modelName) {
        String url = SageMakerJson.modelArtifact(Json.readTree(open("DescribeModel-" + modelName + ".json"),
                "s3://" + bucket + "/" + FOLDER + "DescribeModel-" + modelName + ".json"));
        if (url == null) {
            throw new SageMakerNotFoundException("saved SageMaker model " + modelName + " has no ModelDataUrl", null);
        }
        return url;
    }

    @Override
    public TrainingJob trainingJob(String name) {
        String file = "DescribeTrainingJob-" + name + ".json";
        TrainingJob job = SageMakerJson.trainingJob(Json.readTree(open(file), "s3://" + bucket + "/" + FOLDER + file));
        return job.tags() == null ? job.withTags(Map.of()) : job;
    }

    /** Saved documents hold their tags in the document itself: a job saved without them has none. */
    @Override
    public Map<String, String> tags(String arn) {
        return Map.of();
    }

    private InputStream open(String file) {
        S3Uri location = new S3Uri(bucket, FOLDER + file);
        try (InputStream in = objects.open(location)) {
            return new ByteArrayInputStream(in.readAllBytes());
        } catch (ObjectNotFoundException e) {
            throw new SageMakerNotFoundException("no saved document " + location, e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + location + " failed", e);
        }
    }
}
