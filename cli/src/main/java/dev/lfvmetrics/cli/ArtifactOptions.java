package dev.lfvmetrics.cli;

import dev.lfvmetrics.cli.args.Args;
import dev.lfvmetrics.core.error.InvalidInputException;
import dev.lfvmetrics.core.evaluate.EvaluationOptions;
import dev.lfvmetrics.core.evaluate.Evaluator;
import dev.lfvmetrics.core.evaluate.ImageSink;
import dev.lfvmetrics.core.format.EvaluationResult;
import dev.lfvmetrics.core.format.Formats;
import dev.lfvmetrics.core.format.ModelDescription;
import dev.lfvmetrics.core.join.JoinIdentity;
import dev.lfvmetrics.core.join.JoinedManifest;
import dev.lfvmetrics.core.masks.FolderMasks;
import dev.lfvmetrics.core.masks.MaskEvaluation;
import dev.lfvmetrics.core.summary.Sources;
import dev.lfvmetrics.core.summary.Summary;
import dev.lfvmetrics.functions.store.Versions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * The artifacts of one model's evaluation, shared by {@code evaluate} and {@code gate}: an evaluation manifest, or a
 * labelled dataset manifest with a batch transform's predictions.
 */
final class ArtifactOptions {

    /** Masks decoded in parallel: disk reads overlap, and each worker holds one image's pair of masks. */
    private static final int MASK_THREADS = 4;

    private static final Option MANIFEST = Args.required("manifest", "FILE", "Evaluation manifest (JSON Lines), "
            + "e.g. EvaluationManifest-<project>-<version>.json; with --predictions, the labelled dataset manifest "
            + "(ground truth) the predictions were made on");
    private static final Option PREDICTIONS = Args.valued("predictions", "LOCATION", "Folder or s3:// prefix "
            + "holding a batch transform's .out files (models trained on SageMaker); each image of --manifest is "
            + "matched to its .out");
    private static final Option INPUT_PREFIX = Args.valued("input-prefix", "S3URI", "The batch transform's input "
            + "prefix; images under it are matched by their relative key first");
    private static final Option WRITE_MANIFEST = Args.valued("write-manifest", "FILE", "With --predictions: also "
            + "write the joined result as a standard evaluation manifest");
    private static final Option PROJECT = Args.valued("project", "NAME", "With --predictions: the project the "
            + "predictions' model belongs to (written into the summary and the joined manifest)");
    private static final Option VERSION = Args.valued("model-version", "N", "With --predictions: the model "
            + "version (1 to 10 digits)");
    private static final Option RESULT = Args.valued("result", "FILE", "Evaluation result JSON, e.g. "
            + "EvaluationResult-<project>-<version>.json");
    private static final Option DESCRIPTION = Args.valued("description", "FILE", "Saved DescribeModel output (aws "
            + "lookoutvision describe-model ...)");
    private static final Option MAX_MISCLASSIFIED = Args.valued("max-misclassified", "N", "List at most N "
            + "misclassified images (default: " + EvaluationOptions.DEFAULT_MAX_MISCLASSIFIED + ")");
    private static final Option CONFIDENCE_LEVEL = Args.valued("confidence-level", "LEVEL", "Confidence level of "
            + "the summary's intervals, in (0, 1) (default: " + EvaluationOptions.DEFAULT_INTERVAL_LEVEL + ")");
    private static final Option MASKS = Args.valued("masks", "DIR", "Read the mask PNGs and compute per-label "
            + "figures from them: s3://BUCKET/KEY is DIR/BUCKET/KEY, other references are relative to the "
            + "manifest's folder");

    private final Path manifest;
    private final String predictions;
    private final String inputPrefix;
    private final Path writeManifest;
    private final String project;
    private final String version;
    private final Path result;
    private final Path description;
    private final int maxMisclassified;
    private final double confidenceLevel;
    private final Path masks;
    private final AwsOptions aws;

    private ArtifactOptions(Path manifest, String predictions, String inputPrefix, Path writeManifest, String project,
                            String version, Path result, Path description, int maxMisclassified,
                            double confidenceLevel, Path masks, AwsOptions aws) {
        this.manifest = manifest;
        this.predictions = predictions;
        this.inputPrefix = inputPrefix;
        this.writeManifest = writeManifest;
        this.project = project;
        this.version = version;
        this.result = result;
        this.description = description;
        this.maxMisclassified = maxMisclassified;
        this.confidenceLevel = confidenceLevel;
        this.masks = masks;
        this.aws = aws;
    }

    /**
     * Adds these options (and the AWS ones) to a command's.
     *
     * @param options the command's options
     */
    static void declare(Options options) {
        options.addOption(MANIFEST).addOption(PREDICTIONS).addOption(INPUT_PREFIX).addOption(WRITE_MANIFEST)
                .addOption(PROJECT).addOption(VERSION).addOption(RESULT).addOption(DESCRIPTION)
                .addOption(MAX_MISCLASSIFIED).addOption(CONFIDENCE_LEVEL).addOption(MASKS);
        AwsOptions.declare(options);
    }

    /**
     * @param args a parsed command line that declared these options
     * @return the artifacts it names
     */
    static ArtifactOptions of(Args args) {
        return new ArtifactOptions(args.path(MANIFEST), args.text(PREDICTIONS), args.text(INPUT_PREFIX),
                args.path(WRITE_MANIFEST), args.text(PROJECT), args.text(VERSION), args.path(RESULT),
                args.path(DESCRIPTION), args.whole(MAX_MISCLASSIFIED, EvaluationOptions.DEFAULT_MAX_MISCLASSIFIED),
                args.decimal(CONFIDENCE_LEVEL, EvaluationOptions.DEFAULT_INTERVAL_LEVEL), args.path(MASKS),
                AwsOptions.of(args));
    }

    /**
     * A manifest alone (with its predictions for a dataset manifest), every other option at its default.
     *
     * @param manifest    the manifest
     * @param predictions the {@code .out} location, or null
     * @param aws         how to reach S3
     * @return the artifacts
     */
    static ArtifactOptions of(Path manifest, String predictions, AwsOptions aws) {
        return new ArtifactOptions(manifest, predictions, null, null, null, null, null, null,
                EvaluationOptions.DEFAULT_MAX_MISCLASSIFIED, EvaluationOptions.DEFAULT_INTERVAL_LEVEL, null, aws);
    }

    /**
     * @return where s3:// locations are read
     */
    AwsOptions aws() {
        return aws;
    }

    /**
     * Reads the artifacts and evaluates them.
     *
     * @return the summary
     */
    Summary evaluate() {
        return evaluate(null);
    }

    /**
     * Reads the artifacts and evaluates them, handing every image's outcome to a sink.
     *
     * @param sink receives each image in file order, or null
     * @return the summary
     */
    Summary evaluate(ImageSink sink) {
        if (maxMisclassified < 0) {
            throw new InvalidInputException("--max-misclassified", 0,
                    "must not be negative, got " + maxMisclassified);
        }
        if (predictions == null && (writeManifest != null || inputPrefix != null || project != null
                || version != null)) {
            String option = writeManifest != null ? "--write-manifest" : inputPrefix != null ? "--input-prefix"
                    : project != null ? "--project" : "--model-version";
            throw new InvalidInputException(option, 0, "needs --predictions");
        }
        if (project != null && !Versions.isProject(project)) {
            throw new InvalidInputException("--project", 0, "'" + project + "' is not a project name (1-255 of "
                    + "[a-zA-Z0-9_-], starting with a letter or digit)");
        }
        if (version != null && !Versions.isVersion(version)) {
            throw new InvalidInputException("--model-version", 0, "'" + version + "' is not a model version (1 to 10 "
                    + "digits)");
        }
        EvaluationResult r = result == null ? null : Formats.readResult(result);
        ModelDescription d = description == null ? null : Formats.readDescription(description);
        checkLevel(confidenceLevel);
        EvaluationOptions options = EvaluationOptions.defaults().withMaxMisclassified(maxMisclassified)
                .withIntervalLevel(confidenceLevel);
        Evaluator evaluator = new Evaluator(options);
        if (masks != null && predictions != null) {
            throw new InvalidInputException("--masks", 0, "reads the masks an evaluation manifest names; batch "
                    + "transform predictions carry no predicted masks (docs/sagemaker.md)");
        }
        if (masks != null && !Files.isDirectory(masks)) {
            throw new InvalidInputException(masks.toString(), 0, "--masks: no such folder");
        }
        if (predictions == null) {
            Sources sources = new Sources(manifest.toString(), result == null ? null : result.toString(),
                    description == null ? null : description.toString());
            Summary summary;
            if (sink == null) {
                summary = evaluator.evaluate(manifest, r, d, sources);
            } else {
                try (InputStream in = Formats.open(manifest)) {
                    summary = evaluator.evaluate(in, manifest.toString(), r, d, sources, sink);
                } catch (IOException e) {
                    throw new InvalidInputException(manifest.toString(), 0, "cannot read ("
                            + e.getClass().getSimpleName() + ")", e);
                }
            }
            return masks == null ? summary : withMasks(summary);
        }
        Sources sources = new Sources(writeManifest == null ? null : writeManifest.toString(),
                result == null ? null : result.toString(), description == null ? null : description.toString(),
                manifest.toString(), predictions);
        return joined(evaluator, r, d, sources, sink);
    }

    private Summary withMasks(Summary summary) {
        Path folder = manifest.toAbsolutePath().getParent();
        try (InputStream in = Formats.open(manifest)) {
            return new MaskEvaluation(new FolderMasks(masks, folder), MASK_THREADS).apply(summary, in,
                    manifest.toString());
        } catch (IOException e) {
            throw new InvalidInputException(manifest.toString(), 0, "cannot read (" + e.getClass().getSimpleName()
                    + ")", e);
        }
    }

    private Summary joined(Evaluator evaluator, EvaluationResult r, ModelDescription d, Sources sources,
                           ImageSink sink) {
        Path partial = writeManifest == null ? null : partialFile(writeManifest);
        try (InputStream groundTruth = Formats.open(manifest);
                OutputStream copy = partial == null ? null : Files.newOutputStream(partial)) {
            JoinedManifest joined = new JoinedManifest(groundTruth, manifest.toString(),
                    Predictions.at(predictions, aws), inputPrefix, new JoinIdentity(null, project, version), copy);
            Summary summary = evaluator.evaluate(joined, manifest.toString(), r, d, sources, sink);
            if (copy != null) {
                copy.close();
                // Only a complete join replaces the file: a failed one leaves no half-written manifest behind.
                Files.move(partial, writeManifest, StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
            return summary;
        } catch (IOException e) {
            throw new InvalidInputException(manifest.toString(), 0, "cannot read or write ("
                    + e.getClass().getSimpleName() + ")", e);
        } finally {
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException e) {
                    throw new UncheckedIOException("removing " + partial + " failed", e);
                }
            }
        }
    }

    /**
     * Rejects a {@code --confidence-level} outside (0, 1).
     *
     * @param level the option's value
     * @return the level
     */
    static double checkLevel(double level) {
        if (!EvaluationOptions.isIntervalLevel(level)) {
            throw new InvalidInputException("--confidence-level", 0, "must be between 0 and 1, not " + level);
        }
        return level;
    }

    private static Path partialFile(Path target) {
        Path parent = target.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new InvalidInputException("--write-manifest", 0, "no such folder: " + parent);
        }
        return parent.resolve("." + target.getFileName() + ".partial");
    }
}
