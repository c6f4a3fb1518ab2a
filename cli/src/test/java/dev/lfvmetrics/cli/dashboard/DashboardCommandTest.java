package dev.lfvmetrics.cli.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DashboardCommandTest {

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = new CommandLine(new DashboardCommand());
        command.setErr(new PrintWriter(err, true));
        command.setOut(new PrintWriter(new StringWriter(), true));
        return command.execute(args);
    }

    @Test
    void givenNoApiWhenRunThenItIsAUsageErrorNamingTheOption() {
        assertThat(run()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("--api");
    }

    @Test
    void givenANonHttpApiWhenRunThenItIsAUsageErrorSayingWhy() {
        assertThat(run("--api", "ftp://example.com")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("--api: 'ftp://example.com' must start with https://");
    }

    @Test
    void givenAnOutOfRangePortWhenRunThenItIsAUsageError() {
        assertThat(run("--api", "https://a1.execute-api.us-east-1.amazonaws.com", "--port", "70000"))
                .isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("--port: 70000 is not a port");
    }

    @Test
    void givenHelpWhenAskedThenTheOptionsAreDescribed() {
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new DashboardCommand());
        command.setOut(new PrintWriter(out, true));

        assertThat(command.execute("--help")).isZero();
        assertThat(out.toString()).contains("--api", "--port", "--region", "--profile", "execute-api");
    }
}
