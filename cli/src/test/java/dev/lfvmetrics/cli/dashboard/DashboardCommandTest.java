package dev.lfvmetrics.cli.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lfvmetrics.cli.CliRun;
import dev.lfvmetrics.cli.Main;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardCommandTest {

    private CliRun last;

    private int run(String... args) {
        List<String> line = new ArrayList<>(List.of(DashboardCommand.NAME));
        line.addAll(List.of(args));
        last = CliRun.of(line.toArray(String[]::new));
        return last.status();
    }

    @Test
    void givenNoApiWhenRunThenItIsAUsageErrorNamingTheOption() {
        assertThat(run()).isEqualTo(Main.BAD_INPUT);
        assertThat(last.err()).contains("--api");
    }

    @Test
    void givenANonHttpApiWhenRunThenItIsAUsageErrorSayingWhy() {
        assertThat(run("--api", "ftp://example.com")).isEqualTo(Main.BAD_INPUT);
        assertThat(last.err()).contains("--api: 'ftp://example.com' must start with https://");
    }

    @Test
    void givenAnOutOfRangePortWhenRunThenItIsAUsageError() {
        assertThat(run("--api", "https://a1.execute-api.us-east-1.amazonaws.com", "--port", "70000"))
                .isEqualTo(Main.BAD_INPUT);
        assertThat(last.err()).contains("--port: 70000 is not a port");
    }

    @Test
    void givenHelpWhenAskedThenTheOptionsAreDescribed() {
        assertThat(run("--help")).isZero();
        assertThat(last.out()).contains("--api", "--port", "--region", "--profile", "execute-api");
    }
}
