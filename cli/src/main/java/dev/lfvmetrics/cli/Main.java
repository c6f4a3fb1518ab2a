package dev.lfvmetrics.cli;

import dev.lfvmetrics.cli.dashboard.DashboardCommand;
import dev.lfvmetrics.cli.local.LocalCommand;
import dev.lfvmetrics.core.error.InvalidInputException;
import dev.lfvmetrics.core.json.Json;
import dev.lfvmetrics.core.summary.Summary;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code lfv-metrics} command. Each sub-command is its own class listed in {@link #SUBCOMMANDS}; add a new one
 * there.
 *
 * <p>Exit status: 0 success (gate: pass), 1 gate breach, 2 bad input or usage, 3 unexpected internal failure.
 */
@Command(name = "lfv-metrics", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Evaluation metrics for Amazon Lookout for Vision models.")
public final class Main implements Callable<Integer> {

    /**
     * The sub-commands, by name, in the order the usage lists them. Only the one a run names is modelled (picocli
     * builds a model of every registered command at start, a measurable part of a short {@code evaluate}); without
     * one, or for {@code help}, all are.
     */
    static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    /** Exit status of a passed gate and of every successful command. */
    public static final int OK = 0;
    /** Exit status of a gate with breaches. */
    public static final int BREACH = 1;
    /** Exit status for bad input: a missing or broken file, an invalid option. */
    public static final int BAD_INPUT = 2;
    /** Exit status for a failure that is a bug, not the user's input. */
    public static final int INTERNAL = 3;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        // Without a sub-command there is nothing to do but explain the choices.
        spec.commandLine().getErr().println("error: a command is required");
        spec.commandLine().usage(spec.commandLine().getErr());
        return BAD_INPUT;
    }

    /**
     * Runs the command and exits with its status.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        warmUpSummaryWriter();
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Builds Jackson's serializer of the summary document on another thread while picocli starts and the manifest is
     * opened: in a one-shot process its first use (class loading, record introspection) would otherwise add about
     * 0.2 s at the end of {@code evaluate} (docs/benchmarks.md). Nothing is written; a failure here only means the
     * serializer is built later, where a real error is reported.
     */
    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("evaluate", EvaluateCommand::new);
        commands.put("gate", GateCommand::new);
        commands.put("compare", CompareCommand::new);
        commands.put("local", LocalCommand::new);
        commands.put("dashboard", DashboardCommand::new);
        return Collections.unmodifiableMap(commands);
    }

    private static void warmUpSummaryWriter() {
        Thread warmUp = new Thread(() -> Json.mapper().canSerialize(Summary.class), "summary-writer-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
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
        CommandLine cli = commandLine(outWriter, errWriter, args.length == 0 ? null : args[0]);
        int status = cli.execute(args);
        outWriter.flush();
        errWriter.flush();
        return status;
    }

    /**
     * The configured command line: error handling and exit codes as documented on this class.
     *
     * @param out        standard output
     * @param err        standard error
     * @param subcommand the sub-command the arguments name, or null: only that one is registered when it is known
     * @return the command line
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, String subcommand) {
        CommandLine cli = new CommandLine(new Main());
        Supplier<Object> only = subcommand == null ? null : SUBCOMMANDS.get(subcommand);
        if (only != null) {
            cli.addSubcommand(subcommand, only.get());
        } else {
            SUBCOMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
        }
        cli.addSubcommand("help", new CommandLine.HelpCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            if (e instanceof InvalidInputException bad) {
                cmd.getErr().println("error: " + bad.getMessage());
                return BAD_INPUT;
            }
            // A bug, not the user's input: name it without internal details, keep the trace for --debug runs.
            cmd.getErr().println("error: internal failure (" + e.getClass().getName() + "); please report it");
            if (Boolean.getBoolean("lfv.debug")) {
                e.printStackTrace(cmd.getErr());
            }
            return INTERNAL;
        });
        return cli;
    }
}
