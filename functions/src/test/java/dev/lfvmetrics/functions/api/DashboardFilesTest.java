package dev.lfvmetrics.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DashboardFilesTest {

    private final DashboardFiles page = new DashboardFiles(DashboardFilesTest.class.getClassLoader());

    @Test
    void givenAnEmptyNameWhenLookedUpThenTheIndexIsServed() {
        DashboardFiles.File index = page.find("").orElseThrow();

        assertThat(index.contentType()).startsWith("text/html");
        assertThat(new String(index.body(), StandardCharsets.UTF_8)).contains("<main id=\"main\"");
    }

    @Test
    void givenNestedModulesWhenLookedUpThenTheyAreFound() {
        assertThat(page.find("views/compare.js")).isPresent();
        assertThat(page.find("favicon.svg").orElseThrow().contentType()).isEqualTo("image/svg+xml");
    }

    @Test
    void givenUnsafeOrUnknownNamesWhenLookedUpThenNothingIsServed() {
        assertThat(page.find("../dashboard/index.html")).isEmpty();
        assertThat(page.find("/etc/passwd")).isEmpty();
        assertThat(page.find("views\\model.js")).isEmpty();
        assertThat(page.find("index.html.bak")).isEmpty();
        assertThat(page.find("nope.js")).isEmpty();
    }
}
