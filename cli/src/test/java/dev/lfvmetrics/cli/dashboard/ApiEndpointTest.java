package dev.lfvmetrics.cli.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiEndpointTest {

    @Test
    void givenAnExecuteApiUrlWhenParsedThenTheRegionComesFromTheHost() {
        ApiEndpoint endpoint = ApiEndpoint.parse("https://abc123xyz.execute-api.eu-west-1.amazonaws.com/");

        assertThat(endpoint.base()).hasToString("https://abc123xyz.execute-api.eu-west-1.amazonaws.com");
        assertThat(endpoint.regionFromHost()).hasValue("eu-west-1");
    }

    @Test
    void givenAChinaRegionUrlWhenParsedThenTheRegionIsFound() {
        assertThat(ApiEndpoint.parse("https://a1.execute-api.cn-north-1.amazonaws.com.cn").regionFromHost())
                .hasValue("cn-north-1");
    }

    @Test
    void givenACustomDomainWhenParsedThenNoRegionIsGuessed() {
        assertThat(ApiEndpoint.parse("https://metrics.example.com/v1").regionFromHost()).isEmpty();
    }

    @Test
    void givenAStagePathWhenResolvedThenRequestPathsGoBelowIt() {
        ApiEndpoint endpoint = ApiEndpoint.parse("https://a1.execute-api.us-east-1.amazonaws.com/prod//");

        assertThat(endpoint.resolve("/projects/p/models", "limit=5"))
                .hasToString("https://a1.execute-api.us-east-1.amazonaws.com/prod/projects/p/models?limit=5");
        assertThat(endpoint.resolve("/projects", null))
                .hasToString("https://a1.execute-api.us-east-1.amazonaws.com/prod/projects");
    }

    @Test
    void givenBadUrlsWhenParsedThenTheErrorNamesTheOptionAndTheProblem() {
        assertThatThrownBy(() -> ApiEndpoint.parse(" ")).hasMessage("--api: the API URL is empty");
        assertThatThrownBy(() -> ApiEndpoint.parse("ftp://host/x")).hasMessageContaining("--api: 'ftp://host/x'")
                .hasMessageContaining("https://");
        assertThatThrownBy(() -> ApiEndpoint.parse("https://host/x?stage=1")).hasMessageContaining("query");
        assertThatThrownBy(() -> ApiEndpoint.parse("abc.execute-api.us-east-1.amazonaws.com"))
                .hasMessageContaining("must start with https://");
        assertThatThrownBy(() -> ApiEndpoint.parse("https://exa mple.com")).hasMessageContaining("is not a URL");
    }
}
