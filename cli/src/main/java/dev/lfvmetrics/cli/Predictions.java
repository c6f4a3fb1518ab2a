package dev.lfvmetrics.cli;

import dev.lfvmetrics.core.error.InvalidInputException;
import dev.lfvmetrics.core.predictions.FolderPredictions;
import dev.lfvmetrics.core.predictions.PredictionSource;
import dev.lfvmetrics.functions.artifacts.ObjectNotFoundException;
import dev.lfvmetrics.functions.artifacts.S3ObjectStore;
import dev.lfvmetrics.functions.artifacts.S3Predictions;
import dev.lfvmetrics.functions.artifacts.S3Uri;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The {@code --predictions} location: a folder, or an S3 prefix whose AWS errors become one line naming the
 * location, as bad input does (a command-line user fixes a bucket name or credentials, not a bug).
 */
final class Predictions implements PredictionSource {

    private final PredictionSource delegate;

    private Predictions(PredictionSource delegate) {
        this.delegate = delegate;
    }

    /**
     * @param location a folder or {@code s3://bucket/prefix}
     * @param aws      how to reach S3
     * @return the source
     */
    static PredictionSource at(String location, AwsOptions aws) {
        if (!location.startsWith("s3://")) {
            return new FolderPredictions(Path.of(location));
        }
        S3Uri prefix;
        try {
            prefix = S3Uri.parse(location);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--predictions", 0, e.getMessage(), e);
        }
        return new Predictions(new S3Predictions(new S3ObjectStore(aws.s3()), prefix));
    }

    @Override
    public String location() {
        return delegate.location();
    }

    @Override
    public List<String> keys() {
        try {
            return delegate.keys();
        } catch (SdkException e) {
            throw failure(location(), "cannot list", e);
        }
    }

    @Override
    public InputStream open(String key) {
        try {
            return delegate.open(key);
        } catch (ObjectNotFoundException e) {
            throw new InvalidInputException(describe(key), 0, "not found (listed a moment ago)", e);
        } catch (SdkException e) {
            throw failure(describe(key), "cannot read", e);
        }
    }

    private static InvalidInputException failure(String where, String what, SdkException e) {
        String reason = e instanceof AwsServiceException service && service.awsErrorDetails() != null
                ? service.statusCode() + " " + service.awsErrorDetails().errorCode()
                : e.getClass().getSimpleName();
        return new InvalidInputException(where, 0, what + " (" + reason + ")", e);
    }
}
