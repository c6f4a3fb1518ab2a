import dev.lfvmetrics.core.evaluate.EvaluationOptions;
import dev.lfvmetrics.core.evaluate.Evaluator;
import dev.lfvmetrics.core.policy.PerImageResults;
import dev.lfvmetrics.core.policy.PolicyEvaluator;
import dev.lfvmetrics.core.policy.PolicyJudgement;
import dev.lfvmetrics.core.policy.ThresholdPolicy;
import dev.lfvmetrics.core.stats.Normal;
import dev.lfvmetrics.core.stats.NormalQuantile;
import dev.lfvmetrics.core.stats.Wilson;
import dev.lfvmetrics.core.summary.ImageResult;
import dev.lfvmetrics.core.summary.Summary;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How often each regression mode alerts on pairs of versions with no real change and with a real drop
 * (docs/benchmarks.md, "Regression verdicts: a simulation"). Not a test: a measurement, run by hand.
 *
 * <p>An image has a true class and a difficulty shared by both versions; a version adds its own noise. Its margin
 * {@code mu + shared * z + own * e} decides whether it gets the image right (margin >= 0), and its anomaly score is
 * the logistic of the signed margin, so a better version (higher {@code mu}) also ranks better. A real drop lowers
 * the candidate's {@code mu} until the expected F1 on the population is 0.10 lower. Every pair is judged by the
 * product's own code: the manifests are evaluated by the Evaluator and the policy by PolicyEvaluator.judge with both
 * versions' per-image results.
 *
 * <p>Run: {@code java -cp cli/target/lfv-metrics.jar bench/simulation/RegressionSimulation.java [PAIRS]}.
 */
public final class RegressionSimulation {

    private static final Evaluator EVALUATOR = new Evaluator(EvaluationOptions.defaults());
    private static final double MU = 1.2;

    private RegressionSimulation() {
    }

    record Setting(String name, int images, double anomalousShare, double shared, double own) {
    }

    record Version(Summary summary, List<ImageResult> images) {
    }

    public static void main(String[] args) {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        String drops = "{\"maximumDrops\":{\"f1Score\":0.02}";
        ThresholdPolicy any = PolicyEvaluator.read(drops + ",\"regression\":{\"mode\":\"any\"}}", "any");
        ThresholdPolicy significant = PolicyEvaluator.read(drops + "}", "significant");
        String sample = "{\"maximumDrops\":{\"f1Score\":0.02,\"recall\":0.05}";
        ThresholdPolicy anySample = PolicyEvaluator.read(sample + ",\"regression\":{\"mode\":\"any\"}}", "any");
        ThresholdPolicy significantSample = PolicyEvaluator.read(sample + "}", "significant");
        List<Setting> settings = List.of(
                new Setting("200 images, 50 % anomalous, versions agree closely", 200, 0.5, 1.0, 0.5),
                new Setting("200 images, 30 % anomalous, versions agree closely", 200, 0.3, 1.0, 0.5),
                new Setting("200 images, 50 % anomalous, versions agree loosely", 200, 0.5, 1.0, 1.0),
                new Setting("200 images, 30 % anomalous, versions agree loosely", 200, 0.3, 1.0, 1.0));
        System.out.println("pairs per cell: " + pairs + "; policy maximumDrops.f1Score = 0.02 (and, in brackets, "
                + "the sample policy's f1Score 0.02 + recall 0.05)");
        System.out.println();
        System.out.println("| setting | candidate | F1 drop (population) | `any` alerts | `significant` alerts "
                + "| `significant` inconclusive |");
        System.out.println("|---|---|---|---|---|---|");
        for (Setting s : settings) {
            double f1 = populationF1(s, MU);
            double dropped = muForDrop(s, f1 - 0.10);
            for (boolean realDrop : new boolean[] {false, true}) {
                double mu = realDrop ? dropped : MU;
                int[] counts = new int[6];
                SplittableRandom random = new SplittableRandom(20_261_201L + s.hashCode() + (realDrop ? 1 : 0));
                for (int p = 0; p < pairs; p++) {
                    Pair pair = pair(s, mu, random);
                    counts[0] += judge(any, pair).passed() ? 0 : 1;
                    PolicyJudgement sig = judge(significant, pair);
                    counts[1] += sig.passed() ? 0 : 1;
                    counts[2] += sig.inconclusive().isEmpty() ? 0 : 1;
                    counts[3] += judge(anySample, pair).passed() ? 0 : 1;
                    counts[4] += judge(significantSample, pair).passed() ? 0 : 1;
                }
                System.out.printf(Locale.ROOT, "| %s | %s | %.3f | %s (%s) | %s (%s) | %s |%n", s.name(),
                        realDrop ? "F1 0.10 lower" : "equally good", f1 - populationF1(s, mu), rate(counts[0], pairs),
                        rate(counts[3], pairs), rate(counts[1], pairs), rate(counts[4], pairs),
                        rate(counts[2], pairs));
            }
        }
    }

    private static PolicyJudgement judge(ThresholdPolicy policy, Pair pair) {
        return PolicyEvaluator.judge(policy, pair.candidate().summary(), pair.base().summary(),
                PerImageResults.of(pair.candidate().images(), pair.base().images()));
    }

    /** A rate with its 95 % Wilson interval. */
    private static String rate(int hits, int n) {
        double[] ci = Wilson.interval(hits, n, NormalQuantile.twoSided(0.95));
        return String.format(Locale.ROOT, "%.1f %% [%.1f, %.1f]", 100.0 * hits / n, 100 * ci[0], 100 * ci[1]);
    }

    record Pair(Version base, Version candidate) {
    }

    private static Pair pair(Setting s, double candidateMu, SplittableRandom random) {
        int anomalous = (int) Math.round(s.images() * s.anomalousShare());
        double[] z = new double[s.images()];
        for (int i = 0; i < z.length; i++) {
            z[i] = gaussian(random);
        }
        return new Pair(version(s, anomalous, z, MU, random), version(s, anomalous, z, candidateMu, random));
    }

    private static Version version(Setting s, int anomalous, double[] z, double mu, SplittableRandom random) {
        StringBuilder manifest = new StringBuilder();
        for (int i = 0; i < z.length; i++) {
            boolean isAnomalous = i < anomalous;
            double margin = mu + s.shared() * z[i] + s.own() * gaussian(random);
            double score = 1 / (1 + Math.exp(isAnomalous ? -margin : margin));
            boolean flagged = score >= 0.5;
            double confidence = flagged ? score : 1 - score;
            manifest.append(String.format(Locale.ROOT, "{\"source-ref\":\"s3://sim/%d.jpg\",\"anomaly-label\":%d,"
                    + "\"anomaly-label-metadata\":{\"class-name\":\"%s\"},\"anomaly-label-detected\":%d,"
                    + "\"anomaly-label-detected-metadata\":{\"class-name\":\"%s\",\"confidence\":%.9f}}%n", i,
                    isAnomalous ? 1 : 0, isAnomalous ? "anomaly" : "normal", flagged ? 1 : 0,
                    flagged ? "anomaly" : "normal", confidence));
        }
        List<ImageResult> images = new ArrayList<>();
        Summary summary = EVALUATOR.evaluate(new ByteArrayInputStream(manifest.toString()
                .getBytes(StandardCharsets.UTF_8)), "simulated", null, null, null, images::add);
        return new Version(summary, images);
    }

    /** Expected F1 on the population: P(correct) = Phi(mu / sqrt(shared^2 + own^2)) for both classes. */
    private static double populationF1(Setting s, double mu) {
        double correct = phi(mu / Math.hypot(s.shared(), s.own()));
        double tp = s.anomalousShare() * correct;
        double fp = (1 - s.anomalousShare()) * (1 - correct);
        double fn = s.anomalousShare() * (1 - correct);
        return 2 * tp / (2 * tp + fp + fn);
    }

    private static double muForDrop(Setting s, double targetF1) {
        double low = -5;
        double high = MU;
        for (int i = 0; i < 100; i++) {
            double mid = (low + high) / 2;
            if (populationF1(s, mid) < targetF1) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return (low + high) / 2;
    }

    private static double phi(double x) {
        double tails = Normal.twoSidedPValue(x);
        return x >= 0 ? 1 - tails / 2 : tails / 2;
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
