package dev.lfvmetrics.core.evaluate;

import dev.lfvmetrics.core.error.InvalidInputException;
import dev.lfvmetrics.core.format.EvaluationResult;
import dev.lfvmetrics.core.format.ModelArns;
import dev.lfvmetrics.core.format.ModelDescription;
import dev.lfvmetrics.core.manifest.Accumulator;
import dev.lfvmetrics.core.manifest.ManifestReader;
import dev.lfvmetrics.core.metrics.ConfusionCounts;
import dev.lfvmetrics.core.metrics.ScoreRanking;
import dev.lfvmetrics.core.stats.IntervalEstimator;
import dev.lfvmetrics.core.summary.BestThreshold;
import dev.lfvmetrics.core.summary.Curves;
import dev.lfvmetrics.core.summary.Difference;
import dev.lfvmetrics.core.summary.LabelMetrics;
import dev.lfvmetrics.core.summary.Metrics;
import dev.lfvmetrics.core.summary.Misclassified;
import dev.lfvmetrics.core.summary.ModelInfo;
import dev.lfvmetrics.core.summary.Reported;
import dev.lfvmetrics.core.summary.Sources;
import dev.lfvmetrics.core.summary.Summary;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's facade: reads an evaluation manifest, computes the metrics and puts them beside what the service
 * reported (DescribeModel and the evaluation result, both optional) into one {@link Summary}.
 */
public final class Evaluator {

    /** Source name of DescribeModel figures in {@link Difference}. */
    public static final String DESCRIBE_MODEL = "describeModel";
    /** Source name of evaluation-result figures in {@link Difference}. */
    public static final String EVALUATION_RESULT = "evaluationResult";

    private final EvaluationOptions options;

    /**
     * Creates an evaluator.
     *
     * @param options the options, {@link EvaluationOptions#defaults()} when {@code null}
     */
    public Evaluator(EvaluationOptions options) {
        this.options = options == null ? EvaluationOptions.defaults() : options;
    }

    /**
     * Evaluates a manifest file (large files are read on two threads).
     *
     * @param manifest    the evaluation manifest
     * @param result      the evaluation result, may be {@code null}
     * @param description the DescribeModel output, may be {@code null}
     * @param sources     where the artifacts came from; {@code null} means the manifest path only
     * @return the summary
     * @throws InvalidInputException when the manifest is missing, broken or empty
     */
    public Summary evaluate(Path manifest, EvaluationResult result, ModelDescription description, Sources sources) {
        Accumulator acc = new ManifestReader(options.maxMisclassified()).read(manifest, null);
        return summarise(acc, result, description, sources != null ? sources : new Sources(manifest.toString(),
                null, null));
    }

    /**
     * Evaluates a manifest stream on the calling thread.
     *
     * @param manifest       the evaluation manifest; not closed
     * @param manifestSource its path or URI, for messages
     * @param result         the evaluation result, may be {@code null}
     * @param description    the DescribeModel output, may be {@code null}
     * @param sources        where the artifacts came from; {@code null} means the manifest source only
     * @param sink           receives every image's outcome in file order, may be {@code null}
     * @return the summary
     * @throws InvalidInputException when the manifest is broken or empty
     */
    public Summary evaluate(InputStream manifest, String manifestSource, EvaluationResult result,
                            ModelDescription description, Sources sources, ImageSink sink) {
        Accumulator acc = new ManifestReader(options.maxMisclassified()).read(manifest, manifestSource, sink);
        return summarise(acc, result, description, sources != null ? sources : new Sources(manifestSource,
                null, null));
    }

    /**
     * Turns accumulated manifest data into the summary; public so that callers that read the manifest themselves
     * (e.g. in ranges) produce the same document.
     *
     * @param acc         the accumulated manifest data (its score arrays are sorted in place)
     * @param result      the evaluation result, may be {@code null}
     * @param description the DescribeModel output, may be {@code null}
     * @param sources     where the artifacts came from
     * @return the summary
     */
    public Summary summarise(Accumulator acc, EvaluationResult result, ModelDescription description,
                             Sources sources) {
        ConfusionCounts c = acc.counts();
        ScoreRanking ranking = acc.ranking();
        Metrics metrics = new Metrics(c.total(), c.positives(), c.negatives(), c.truePositives(), c.falsePositives(),
                c.trueNegatives(), c.falseNegatives(), c.precision(), c.recall(), c.f1Score(), c.accuracy(),
                ranking.rocAuc(), ranking.averagePrecision(), c.specificity(), c.falsePositiveRate(),
                c.truePositives() + c.trueNegatives(), c.falsePositives() + c.falseNegatives());
        BestThreshold best = ranking.bestF1();
        Curves curves = ranking.curves(options.curvePoints());
        Reported reported = reported(result, description);
        boolean segmentation = acc.segmentation() || result != null && !result.labels().isEmpty();
        Misclassified misclassified = new Misclassified(acc.misclassifiedTotal(),
                acc.misclassifiedTotal() > acc.mostConfidentMistakes().size(), acc.mostConfidentMistakes());
        return new Summary(Summary.SCHEMA_VERSION, modelInfo(acc, result, description),
                segmentation ? Summary.SEGMENTATION : Summary.CLASSIFICATION, sources,
                options.clock().instant().toString(), metrics, reported, differences(metrics, reported), best,
                curves, labels(acc, result), misclassified,
                IntervalEstimator.of(c, acc.anomalousScores(), (int) c.positives(), acc.normalScores(),
                        (int) c.negatives(), options.intervalLevel()), acc.testSetFingerprint());
    }

    private static ModelInfo modelInfo(Accumulator acc, EvaluationResult result, ModelDescription d) {
        String arn = first(d == null ? null : d.modelArn(), result == null ? null : result.modelArn(),
                acc.modelArn());
        String project = first(ModelArns.project(arn), acc.projectName());
        String version = first(d == null ? null : d.modelVersion(), ModelArns.version(arn), acc.modelVersion());
        return new ModelInfo(project, version, arn,
                d == null ? null : d.status(),
                d == null ? null : d.statusMessage(),
                d == null ? null : d.creationTimestamp(),
                first(d == null ? null : d.evaluationEndTimestamp(),
                        result == null ? null : result.evaluationEndTimestamp()),
                d == null ? null : d.description(),
                result == null ? null : result.trainingImages());
    }

    private static String first(String... candidates) {
        for (String s : candidates) {
            if (s != null && !s.isBlank()) {
                return s;
            }
        }
        return null;
    }

    private static Reported reported(EvaluationResult result, ModelDescription d) {
        Reported.DescribeModelFigures dm = d == null || d.performance() == null ? null
                : new Reported.DescribeModelFigures(d.performance().precision(), d.performance().recall(),
                        d.performance().f1Score());
        Reported.EvaluationResultFigures er = null;
        if (result != null) {
            List<Reported.ReportedLabel> labels = new ArrayList<>();
            for (EvaluationResult.PixelClassMetrics m : result.labels()) {
                labels.add(new Reported.ReportedLabel(m.className(), m.precision(), m.recall(), m.f1Score(),
                        m.averageIou()));
            }
            er = new Reported.EvaluationResultFigures(result.precision(), result.recall(), result.f1Score(),
                    result.rocAuc(), result.averagePrecision(), result.trainingImages(), result.testingImages(),
                    labels);
        }
        return new Reported(dm, er);
    }

    private static List<Difference> differences(Metrics m, Reported r) {
        List<Difference> out = new ArrayList<>();
        if (r.describeModel() != null) {
            Reported.DescribeModelFigures d = r.describeModel();
            add(out, "precision", DESCRIBE_MODEL, d.precision(), m.precision());
            add(out, "recall", DESCRIBE_MODEL, d.recall(), m.recall());
            add(out, "f1Score", DESCRIBE_MODEL, d.f1Score(), m.f1Score());
        }
        if (r.evaluationResult() != null) {
            Reported.EvaluationResultFigures e = r.evaluationResult();
            add(out, "precision", EVALUATION_RESULT, e.precision(), m.precision());
            add(out, "recall", EVALUATION_RESULT, e.recall(), m.recall());
            add(out, "f1Score", EVALUATION_RESULT, e.f1Score(), m.f1Score());
            add(out, "rocAuc", EVALUATION_RESULT, e.rocAuc(), m.rocAuc());
            add(out, "averagePrecision", EVALUATION_RESULT, e.averagePrecision(), m.averagePrecision());
            add(out, "images", EVALUATION_RESULT,
                    e.testingImages() == null ? null : e.testingImages().doubleValue(), (double) m.images());
        }
        return out;
    }

    private static void add(List<Difference> out, String metric, String source, Double reported, Double computed) {
        if (reported == null) {
            return;
        }
        out.add(new Difference(metric, source, reported, computed, computed == null ? null : computed - reported));
    }

    private static List<LabelMetrics> labels(Accumulator acc, EvaluationResult result) {
        Map<String, LabelMetrics> byName = new LinkedHashMap<>();
        acc.labelCounts().forEach((name, counts) ->
                byName.put(name, new LabelMetrics(name, counts[0], counts[1], null, null, null, null)));
        if (result != null) {
            for (EvaluationResult.PixelClassMetrics m : result.labels()) {
                if (m.className() == null) {
                    continue;
                }
                LabelMetrics counted = byName.get(m.className());
                byName.put(m.className(), new LabelMetrics(m.className(),
                        counted == null ? 0 : counted.groundTruthImages(),
                        counted == null ? 0 : counted.predictedImages(),
                        m.precision(), m.recall(), m.f1Score(), m.averageIou()));
            }
        }
        List<LabelMetrics> out = new ArrayList<>(byName.values());
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }
}
