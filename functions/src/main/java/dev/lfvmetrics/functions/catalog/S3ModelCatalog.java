package dev.lfvmetrics.functions.catalog;

import dev.lfvmetrics.core.format.Formats;
import dev.lfvmetrics.core.format.ModelDescription;
import dev.lfvmetrics.functions.artifacts.ObjectNotFoundException;
import dev.lfvmetrics.functions.artifacts.ObjectStore;
import dev.lfvmetrics.functions.artifacts.S3Uri;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Saved DescribeModel documents ({@code aws lookoutvision describe-model} output), one per model, at
 * {@code s3://<DESCRIPTION_BUCKET>/DescribeModel-<project>-<version>.json}.
 */
public final class S3ModelCatalog implements ModelCatalog {

    private final ObjectStore objects;
    private final String bucket;

    /**
     * @param objects the object store
     * @param bucket  the bucket holding the documents
     */
    public S3ModelCatalog(ObjectStore objects, String bucket) {
        this.objects = objects;
        this.bucket = bucket;
    }

    /**
     * @param project project
     * @param version version
     * @return the saved document's file name
     */
    public static String fileName(String project, String version) {
        return "DescribeModel-" + project + "-" + version + ".json";
    }

    @Override
    public DescribedModel describe(String project, String version) {
        S3Uri location = new S3Uri(bucket, fileName(project, version));
        try (InputStream in = objects.open(location)) {
            ModelDescription description = Formats.readDescription(in, location.toString());
            return new DescribedModel(description, location.toString());
        } catch (ObjectNotFoundException e) {
            throw new ModelNotFoundException(project, version, "s3://" + bucket, e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + location + " failed", e);
        }
    }
}
