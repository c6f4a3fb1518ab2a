package dev.lfvmetrics.cli;

import dev.lfvmetrics.core.compare.Comparison;
import dev.lfvmetrics.core.compare.PairedTests;
import dev.lfvmetrics.core.evaluate.Evaluator;
import dev.lfvmetrics.core.policy.Breach;
import dev.lfvmetrics.core.policy.Evidence;
import dev.lfvmetrics.core.policy.MetricNames;
import dev.lfvmetrics.core.summary.BestThreshold;
import dev.lfvmetrics.core.summary.Difference;
import dev.lfvmetrics.core.summary.ImageResult;
import dev.lfvmetrics.core.summary.Interval;
import dev.lfvmetrics.core.summary.Intervals;
import dev.lfvmetrics.core.summary.LabelMetrics;
import dev.lfvmetrics.core.summary.MaskFigures;
import dev.lfvmetrics.core.summary.MaskReport;
import dev.lfvmetrics.core.summary.Metrics;
import dev.lfvmetrics.core.summary.ModelInfo;
import dev.lfvmetrics.core.summary.Summary;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Plain-text rendering of summaries, comparisons and breaches, laid out like the Lookout for Vision console's
 * model page: overall performance (our figures beside the service's), the per-label table, the test results.
 */
final class TextReport {

    private static final String NONE = "-";

    private TextReport() {
    }

    static void summary(Summary s, PrintWriter out) {
        header(s, out);
        out.println();
        overall(s, out);
        if (!s.labels().isEmpty()) {
            out.println();
            labels(s.labels(), out);
        }
        if (s.masks() != null) {
            out.println();
            masks(s.masks(), out);
        }
        out.println();
        testResults(s, out);
    }

    private static void header(Summary s, PrintWriter out) {
        ModelInfo m = s.model();
        out.println("Model:        " + name(m) + (m.status() == null ? "" : "  (" + m.status() + ")"));
        if (m.modelArn() != null) {
            out.println("ARN:          " + m.modelArn());
        }
        out.println("Type:         " + s.modelType());
        if (s.sources() != null && s.sources().groundTruth() != null) {
            out.println("Ground truth: " + s.sources().groundTruth());
            out.println("Predictions:  " + s.sources().predictions());
        }
        if (m.evaluatedAt() != null) {
            out.println("Evaluated:    " + m.evaluatedAt());
        }
        Metrics x = s.metrics();
        out.println("Test images:  " + x.images() + " (" + x.anomalous() + " anomalous, " + x.normal() + " normal)"
                + (m.trainingImages() == null ? "" : "; training images: " + m.trainingImages()));
    }

    private static Interval interval(Intervals intervals, String metric) {
        if (intervals == null) {
            return null;
        }
        return switch (metric) {
            case "precision" -> intervals.precision();
            case "recall" -> intervals.recall();
            case "f1Score" -> intervals.f1Score();
            case "rocAuc" -> intervals.rocAuc();
            case "averagePrecision" -> intervals.averagePrecision();
            case "accuracy" -> intervals.accuracy();
            case "specificity" -> intervals.specificity();
            default -> null;
        };
    }

    static String name(ModelInfo m) {
        String project = m.project() == null ? "(unknown project)" : m.project();
        return m.version() == null ? project : project + " version " + m.version();
    }

    private static void overall(Summary s, PrintWriter out) {
        Metrics x = s.metrics();
        boolean dm = s.reported().describeModel() != null;
        boolean er = s.reported().evaluationResult() != null;
        out.println("Overall model performance");
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-18s %10s", "metric", "computed"));
        if (dm) {
            head.append(String.format(Locale.ROOT, "  %-22s", "DescribeModel (diff)"));
        }
        if (er) {
            head.append(String.format(Locale.ROOT, "  %-22s", "EvaluationResult (diff)"));
        }
        if (s.intervals() != null) {
            head.append(String.format(Locale.ROOT, "  %s", Math.round(s.intervals().level() * 100) + "% interval"));
        }
        out.println(head.toString().stripTrailing());
        row(out, s, "precision", x.precision(), dm, er);
        row(out, s, "recall", x.recall(), dm, er);
        row(out, s, "f1Score", x.f1Score(), dm, er);
        row(out, s, "rocAuc", x.rocAuc(), dm, er);
        row(out, s, "averagePrecision", x.averagePrecision(), dm, er);
        row(out, s, "accuracy", x.accuracy(), dm, er);
        row(out, s, "specificity", x.specificity(), dm, er);
        out.println(String.format(Locale.ROOT, "  Confusion: TP %d  FP %d  TN %d  FN %d", x.truePositives(),
                x.falsePositives(), x.trueNegatives(), x.falseNegatives()));
        BestThreshold b = s.bestThreshold();
        if (b == null) {
            out.println("  Best-F1 threshold: undefined (no anomalous test images)");
        } else {
            out.println(String.format(Locale.ROOT,
                    "  Best-F1 threshold: anomaly score >= %s gives F1 %s (precision %s, recall %s; TP %d, FP %d)",
                    num(b.threshold()), num(b.f1Score()), num(b.precision()), num(b.recall()), b.truePositives(),
                    b.falsePositives()));
        }
    }

    private static void row(PrintWriter out, Summary s, String metric, Double computed, boolean dm, boolean er) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-18s %10s", metric, num(computed)));
        if (dm) {
            line.append(String.format(Locale.ROOT, "  %-22s", reported(s.differences(), metric,
                    Evaluator.DESCRIBE_MODEL)));
        }
        if (er) {
            line.append(String.format(Locale.ROOT, "  %-22s", reported(s.differences(), metric,
                    Evaluator.EVALUATION_RESULT)));
        }
        Interval interval = interval(s.intervals(), metric);
        if (interval != null) {
            line.append(String.format(Locale.ROOT, "  [%s, %s] %s", num(interval.low()), num(interval.high()),
                    interval.method()));
        }
        out.println(line.toString().stripTrailing());
    }

    private static String reported(List<Difference> differences, String metric, String source) {
        for (Difference d : differences) {
            if (d.metric().equals(metric) && d.source().equals(source)) {
                return num(d.reported()) + " (" + signed(d.difference()) + ")";
            }
        }
        return NONE;
    }

    private static void labels(List<LabelMetrics> labels, PrintWriter out) {
        out.println("Per-label performance (image counts from the manifest; pixel figures as reported)");
        out.println(String.format(Locale.ROOT, "  %-16s %12s %12s %10s %10s %10s %10s", "label", "test images",
                "predicted", "precision", "recall", "f1Score", "avgIoU"));
        for (LabelMetrics l : labels) {
            out.println(String.format(Locale.ROOT, "  %-16s %12d %12d %10s %10s %10s %10s", l.name(),
                    l.groundTruthImages(), l.predictedImages(), num(l.precision()), num(l.recall()),
                    num(l.f1Score()), num(l.averageIou())));
        }
        if (labels.stream().noneMatch(l -> l.fromMasks() != null)) {
            return;
        }
        out.println();
        out.println("Per-label figures from the masks (pixels; F1 = Dice; change = computed - reported)");
        out.println(String.format(Locale.ROOT, "  %-16s %8s %10s %10s %10s %10s %10s %10s %10s", "label", "images",
                "meanIoU", "pooledIoU", "precision", "recall", "f1Score", "f1 change", "IoU change"));
        for (LabelMetrics l : labels) {
            MaskFigures m = l.fromMasks();
            if (m != null) {
                out.println(String.format(Locale.ROOT, "  %-16s %8d %10s %10s %10s %10s %10s %10s %10s", l.name(),
                        m.imagesCompared(), num(m.meanIou()), num(m.pooledIou()), num(m.precision()),
                        num(m.recall()), num(m.f1Score()), signed(m.differences() == null ? null
                                : m.differences().f1Score()),
                        signed(m.differences() == null ? null : m.differences().averageIou())));
            }
        }
    }

    private static void masks(MaskReport report, PrintWriter out) {
        out.println("Masks: " + report.masksRead() + " read on " + report.linesWithMasks() + " lines"
                + (report.unmappedPixels() == 0 ? "; every colour is in its line's colour map"
                : "; " + report.unmappedPixels() + " pixels of colours in no colour map (neither a label nor "
                        + "background):"));
        for (MaskReport.UnmappedColour u : report.unmapped()) {
            out.println("  line " + u.line() + ": " + u.file() + ": " + u.colour() + " x " + u.pixels());
        }
        if (report.unmappedTruncated()) {
            out.println("  ... (the first " + MaskReport.MAX_LISTED + " listed)");
        }
    }

    private static void testResults(Summary s, PrintWriter out) {
        out.println("Test results overview");
        out.println("  Correct:   " + s.metrics().correct());
        out.println("  Incorrect: " + s.metrics().incorrect());
        List<ImageResult> images = s.misclassified().images();
        if (images.isEmpty()) {
            return;
        }
        out.println(s.misclassified().truncated()
                ? "  Most confident mistakes (" + images.size() + " of " + s.misclassified().total() + "):"
                : "  Misclassified images, most confident first:");
        out.println(String.format(Locale.ROOT, "  %-8s %-9s %-10s %6s  %s", "actual", "predicted", "confidence",
                "line", "source-ref"));
        for (ImageResult r : images) {
            out.println(String.format(Locale.ROOT, "  %-8s %-9s %-10s %6d  %s", r.actual(), r.predicted(),
                    num(r.confidence()), r.line(), r.sourceRef() == null ? NONE : r.sourceRef()));
        }
    }

    static void comparison(Comparison c, PrintWriter out) {
        out.println("Base:      " + name(c.base()) + "  (" + c.baseType() + ")");
        out.println("Candidate: " + name(c.candidate()) + "  (" + c.candidateType() + ")");
        out.println();
        out.println(String.format(Locale.ROOT, "  %-20s %12s %12s %12s", "metric", "base", "candidate",
                "difference"));
        for (Comparison.MetricDelta d : c.metrics()) {
            delta(out, d.metric(), d);
        }
        out.println();
        out.println("Best-F1 threshold");
        for (Comparison.MetricDelta d : c.bestThreshold()) {
            delta(out, d.metric(), d);
        }
        for (Comparison.LabelDelta l : c.labels()) {
            out.println();
            String presence = l.inBase() && l.inCandidate() ? "" : l.inBase() ? "  (base only)" : "  (candidate only)";
            out.println("Label " + l.label() + presence);
            for (Comparison.MetricDelta d : l.metrics()) {
                delta(out, d.metric(), d);
            }
        }
        out.println();
        tests(c, out);
    }

    private static void tests(Comparison c, PrintWriter out) {
        if (c.testsNote() != null) {
            out.println(c.testsNote());
        }
        PairedTests t = c.tests();
        if (t == null) {
            return;
        }
        out.println(String.format(Locale.ROOT, "Paired tests on %d shared images (%d only in base, %d only in "
                + "candidate, %d with a changed class):", t.pairedImages(), t.onlyInBase(), t.onlyInCandidate(),
                t.classChanged()));
        mcNemar(out, "accuracy", t.accuracy());
        mcNemar(out, "recall", t.recall());
        mcNemar(out, "specificity", t.specificity());
        if (t.rocAuc() != null) {
            out.println(String.format(Locale.ROOT, "  %-18s difference %s [%s, %s]  p %s  (paired DeLong)",
                    "rocAuc", signed(t.rocAuc().difference()), signed(t.rocAuc().low()), signed(t.rocAuc().high()),
                    pValue(t.rocAuc().pValue())));
        }
        difference(out, "f1Score", t.f1Score());
        difference(out, "averagePrecision", t.averagePrecision());
    }

    private static void mcNemar(PrintWriter out, String metric, PairedTests.McNemarTest test) {
        if (test != null) {
            out.println(String.format(Locale.ROOT, "  %-18s p %s  (exact McNemar: %d right only in base, %d only "
                    + "in candidate, of %d)", metric, pValue(test.pValue()), test.baseOnlyRight(),
                    test.candidateOnlyRight(), test.images()));
        }
    }

    private static String pValue(double p) {
        String text = Evidence.pValueText(p);
        return text.startsWith("<") ? text : "= " + text;
    }

    private static void difference(PrintWriter out, String metric, PairedTests.DifferenceInterval d) {
        if (d != null) {
            out.println(String.format(Locale.ROOT, "  %-18s difference %s [%s, %s]  (paired bootstrap)", metric,
                    signed(d.difference()), d.low() == null ? NONE : signed(d.low()),
                    d.high() == null ? NONE : signed(d.high())));
        }
    }

    private static void delta(PrintWriter out, String name, Comparison.MetricDelta d) {
        if (MetricNames.isCount(name)) {
            out.println(String.format(Locale.ROOT, "  %-20s %12s %12s %12s", name, count(d.base()),
                    count(d.candidate()), d.difference() == null ? NONE
                            : String.format(Locale.ROOT, "%+d", d.difference().longValue())));
        } else {
            out.println(String.format(Locale.ROOT, "  %-20s %12s %12s %12s", name, num(d.base()),
                    num(d.candidate()), signed(d.difference())));
        }
    }

    private static String count(Double v) {
        return v == null ? NONE : Long.toString(v.longValue());
    }

    static void breaches(List<Breach> breaches, PrintWriter out) {
        for (Breach b : breaches) {
            out.println("  " + b.kind() + " " + (b.label() == null ? "" : b.label() + ".") + b.metric() + ": "
                    + b.message());
        }
    }

    static String num(Double v) {
        return v == null ? NONE : String.format(Locale.ROOT, "%.4f", v);
    }

    static String signed(Double v) {
        if (v == null) {
            return NONE;
        }
        String n = num(v);
        return n.startsWith("-") && !n.matches("-[0.]+") ? n : "+" + n.replaceFirst("^-", "");
    }
}
