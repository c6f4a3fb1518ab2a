package dev.lfvmetrics.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No deploy in a region without Lambda SnapStart: refused at synth when known, stopped by a template rule. */
class SnapStartRegionsTest {

    @Test
    void givenARegionWithoutSnapStart_whenSynthesized_thenOneLineNamesIt() {
        assertThatThrownBy(() -> Synth.of(Map.of("region", "ap-southeast-6")))
                .isInstanceOf(InvalidContextException.class)
                .hasMessageContaining("context 'region'")
                .hasMessageContaining("does not offer Lambda SnapStart");
    }

    @Test
    void givenARegionWithSnapStart_whenSynthesized_thenTheStackIsBuilt() {
        assertThat(Synth.of(Map.of("region", "eu-west-1")).stack()).isNotNull();
    }

    @Test
    void givenAnyRegion_whenDeployed_thenTheTemplateRuleRefusesTheUnsupportedOnes() {
        Map<?, ?> rules = (Map<?, ?>) Synth.minimal().template().toJSON().get("Rules");
        Map<?, ?> rule = (Map<?, ?>) rules.get("SnapStartRegion");
        List<?> assertions = (List<?>) rule.get("Assertions");

        assertThat(assertions).singleElement().satisfies(a -> {
            Map<?, ?> assertion = (Map<?, ?>) a;
            assertThat(assertion.get("Assert")).isEqualTo(Map.of("Fn::Not", List.of(Map.of("Fn::Contains",
                    List.of(SnapStartRegions.UNSUPPORTED, Map.of("Ref", "AWS::Region"))))));
            assertThat(assertion.get("AssertDescription").toString()).contains("SnapStart");
        });
    }
}
