package dev.lfvmetrics.infra;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Inputs that would break a service limit stop the synth with one line naming the parameter. */
class LimitsTest {

    private static String names(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + "-" + String.format("%03d", i))
                .collect(Collectors.joining(","));
    }

    @Test
    void givenSoManyBucketsThatTheEnvironmentPassesFourKilobytes_whenSynthesized_thenRefused() {
        assertThatThrownBy(() -> Synth.of(Map.of("artifactsBuckets", names("a-rather-long-bucket-name", 150))))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining("'artifactsBuckets'")
                .hasMessageContaining("more than Lambda's 4096");
    }

    @Test
    void givenSoManyWatchedProjectsThatTheEventPatternPassesItsSize_whenSynthesized_thenRefused() {
        assertThatThrownBy(() -> Synth.of(Map.of("watchedProjects", names("project", 200))))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining("'watchedProjects'")
                .hasMessageContaining("more than EventBridge's 2048");
    }

    @Test
    void givenSoManyAlgorithmPatterns_whenSynthesized_thenRefusedNamingThem() {
        String patterns = IntStream.range(0, 60).mapToObj(i -> "arn:aws:sagemaker:*:*:algorithm/team-" + i + "-*")
                .collect(Collectors.joining(","));
        assertThatThrownBy(() -> Synth.of(Map.of(SageMakerSettings.ALGORITHMS, patterns)))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining("'" + SageMakerSettings.ALGORITHMS + "'");
    }

    @Test
    void givenAChannelIdThatMakesTheChatbotNameTooLong_whenSynthesized_thenRefused() {
        assertThatThrownBy(() -> Synth.of(Map.of("slackWorkspaceId", "T0123ABCD", "slackChannelId",
                "C" + "0".repeat(120))))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining("'slackChannelId'")
                .hasMessageContaining("longer than 128 characters");
    }
}
