package dev.lfvmetrics.functions.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {

    @Test
    void readsEverySettingWithDefaults() {
        Config config = Config.from(Map.of("AWS_REGION", "eu-west-1", "TABLE_NAME", "t",
                "ARTIFACTS_BUCKETS", " a , b,,", "DETAILS_PREFIX", "x", "DASHBOARD_ENABLED", "true",
                "AWS_ENDPOINT_URL", "http://127.0.0.1:5000"));

        assertThat(config.region()).isEqualTo("eu-west-1");
        assertThat(config.artifactsBuckets()).containsExactlyInAnyOrder("a", "b");
        assertThat(config.detailsPrefix()).isEqualTo("x/");
        assertThat(config.modelCatalog()).isEqualTo(Config.CATALOG_LIVE);
        assertThat(config.dashboardEnabled()).isTrue();
        assertThat(config.endpoint()).isEqualTo(URI.create("http://127.0.0.1:5000"));
        assertThat(config.defaultPolicy()).isEmpty();
        assertThat(config.topicArn()).isNull();
    }

    @Test
    void aMissingRequiredSettingIsNamed() {
        assertThatThrownBy(() -> Config.from(Map.of("TABLE_NAME", "t")))
                .hasMessageContaining("AWS_REGION");
        assertThatThrownBy(() -> Config.from(Map.of("AWS_REGION", "us-east-1")))
                .hasMessageContaining("TABLE_NAME");
    }

    @Test
    void malformedSettingsAreNamed() {
        assertThatThrownBy(() -> Config.from(Map.of("AWS_REGION", "r", "TABLE_NAME", "t", "MODEL_CATALOG", "db")))
                .hasMessageContaining("MODEL_CATALOG");
        assertThatThrownBy(() -> Config.from(Map.of("AWS_REGION", "r", "TABLE_NAME", "t",
                "AWS_ENDPOINT_URL", "localhost")))
                .hasMessageContaining("AWS_ENDPOINT_URL");
    }
}
