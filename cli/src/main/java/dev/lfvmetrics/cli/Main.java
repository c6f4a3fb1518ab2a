package dev.lfvmetrics.cli;

import dev.lfvmetrics.cli.args.CommandLineRunner;
import dev.lfvmetrics.cli.args.Subcommand;
import dev.lfvmetrics.cli.dashboard.DashboardCommand;
import dev.lfvmetrics.cli.local.LocalCommand;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code lfv-metrics} command. Each sub-command is its own class listed in {@link #SUBCOMMANDS}; add a new one
 * there.
 *
 * <p>Exit status: 0 success (gate: pass), 1 gate breach, 2 bad input or usage, 3 unexpected internal failure.
 */
public final class Main {

    /** The sub-commands, by name, in the order the usage lists them; only the one a run names is built. */
    static final Map<String, Supplier<Subcommand>> SUBCOMMANDS = subcommands();

    /** Exit status of a passed gate and of every successful command. */
    public static final int OK = 0;
    /** Exit status of a gate with breaches. */
    public static final int BREACH = 1;
    /** Exit status for bad input: a missing or broken file, an invalid option. */
    public static final int BAD_INPUT = CommandLineRunner.BAD_INPUT;
    /** Exit status for a failure that is a bug, not the user's input. */
    public static final int INTERNAL = CommandLineRunner.INTERNAL;

    private static final CommandLineRunner RUNNER = new CommandLineRunner("lfv-metrics",
            "Evaluation metrics for Amazon Lookout for Vision models.", SUBCOMMANDS, Version::text);

    private Main() {
    }

    /**
     * Runs the command and exits with its status.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    private static Map<String, Supplier<Subcommand>> subcommands() {
        Map<String, Supplier<Subcommand>> commands = new LinkedHashMap<>();
        commands.put(EvaluateCommand.NAME, EvaluateCommand::new);
        commands.put(GateCommand.NAME, GateCommand::new);
        commands.put(CompareCommand.NAME, CompareCommand::new);
        commands.put(LocalCommand.NAME, LocalCommand::new);
        commands.put(DashboardCommand.NAME, DashboardCommand::new);
        return Collections.unmodifiableMap(commands);
    }

    /**
     * Runs the command with the given streams, for tests and embedding.
     *
     * @param args command-line arguments
     * @param out  standard output
     * @param err  standard error
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        PrintWriter outWriter = new PrintWriter(out, true, StandardCharsets.UTF_8);
        PrintWriter errWriter = new PrintWriter(err, true, StandardCharsets.UTF_8);
        return RUNNER.run(args, outWriter, errWriter);
    }
}
