package dev.lfvmetrics.core.compare;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Paired tests of two versions on the images both were evaluated on, matched by {@code source-ref}
 * ({@code tests} of the comparison document; docs/cli.md, "Paired tests"). Images whose true class differs between
 * the two evaluations are listed and left out of the tests.
 *
 * @param level             confidence level of the intervals
 * @param identicalTestSets whether both evaluations hold exactly the same images with the same true classes
 * @param pairedImages      images in both, with the same true class: what the tests rest on
 * @param onlyInBase        images only the base was evaluated on
 * @param onlyInCandidate   images only the candidate was evaluated on
 * @param classChanged      how many images are in both with a different true class
 * @param classChangedImages up to 20 of them, by source-ref
 * @param rocAuc            DeLong's paired test of the AUCs (null with fewer than two paired images of a class)
 * @param accuracy          exact McNemar on all paired images
 * @param recall            exact McNemar on the paired anomalous images
 * @param specificity       exact McNemar on the paired normal images
 * @param f1Score           paired stratified bootstrap of the F1 difference
 * @param averagePrecision  paired stratified bootstrap of the average-precision difference
 * @param precision         paired stratified bootstrap of the precision difference (null when either version flags
 *                          no paired image)
 * @param discordantImages  the paired images exactly one version got right, in the candidate's order, at most
 *                          {@link #MAX_DISCORDANT_LISTED}: the images behind the McNemar counts
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PairedTests(double level, boolean identicalTestSets, long pairedImages, long onlyInBase,
                          long onlyInCandidate, long classChanged, List<String> classChangedImages,
                          AucTest rocAuc, McNemarTest accuracy, McNemarTest recall, McNemarTest specificity,
                          DifferenceInterval f1Score, DifferenceInterval averagePrecision,
                          DifferenceInterval precision, List<DiscordantImage> discordantImages) {

    /** How many discordant images a comparison lists. */
    public static final int MAX_DISCORDANT_LISTED = 200;

    /** Copies the lists. */
    public PairedTests {
        classChangedImages = List.copyOf(classChangedImages);
        discordantImages = List.copyOf(discordantImages);
    }

    /**
     * A paired image exactly one version got right.
     *
     * @param sourceRef      the image
     * @param actual         its true class
     * @param rightIn        {@code base} or {@code candidate}: the version that got it right
     * @param baseScore      the base's anomaly score
     * @param candidateScore the candidate's anomaly score
     */
    public record DiscordantImage(String sourceRef, String actual, String rightIn, double baseScore,
                                  double candidateScore) {
    }

    /**
     * DeLong's paired test.
     *
     * @param difference candidate minus base
     * @param low        interval of the difference, lower bound
     * @param high       upper bound
     * @param pValue     two-sided p-value of no difference
     */
    public record AucTest(double difference, double low, double high, double pValue) {
    }

    /**
     * Exact McNemar test.
     *
     * @param pValue         two-sided p-value of no difference
     * @param baseOnlyRight      paired images the base got right and the candidate wrong
     * @param candidateOnlyRight paired images the candidate got right and the base wrong
     * @param images         paired images the test rests on
     */
    public record McNemarTest(double pValue, long baseOnlyRight, long candidateOnlyRight, long images) {
    }

    /**
     * A paired bootstrap interval of a difference.
     *
     * @param difference candidate minus base on the paired images
     * @param low        percentile interval, lower bound
     * @param high       upper bound
     * @param resamples  resamples with a defined difference
     * @param undefined  resamples where it was undefined (left out)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DifferenceInterval(double difference, Double low, Double high, Integer resamples,
                                     Integer undefined) {
    }
}
